package com.propty.delivery.sms;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code twilio.*}. SID and token have no default outside the local profile: start-up fails without
 * TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.
 *
 * @param apiBaseUrl where {@code https://api.twilio.com} requests really go (the simulator locally)
 */
@Validated
@ConfigurationProperties("twilio")
public record TwilioProperties(@NotBlank String accountSid, @NotBlank String authToken, @NotBlank String apiBaseUrl,
        @NotBlank String fromNumber) {

    @Override
    public String toString() {
        return "TwilioProperties[accountSid=" + accountSid + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
