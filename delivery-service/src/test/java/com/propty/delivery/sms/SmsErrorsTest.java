package com.propty.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsErrorsTest {

    @ParameterizedTest(name = "API error {0} -> {1}")
    @CsvSource({"21211, INVALID_ADDRESS", "21614, INVALID_ADDRESS", "21610, OPTED_OUT", "21408, CARRIER_REJECTED",
            "21612, CARRIER_REJECTED"})
    void mapsApiRejections(int code, ErrorCode expected) {
        assertThat(SmsErrors.forRejection(code)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "callback ErrorCode {0} -> {1}")
    @CsvSource({"30003, UNREACHABLE", "30005, UNREACHABLE", "30006, UNREACHABLE", "30007, BLOCKED", "21610, OPTED_OUT",
            "30008, CARRIER_REJECTED", "'', CARRIER_REJECTED"})
    void mapsStatusCallbackErrors(String code, ErrorCode expected) {
        assertThat(SmsErrors.forCallback(code)).isEqualTo(expected);
    }
}
