package com.propty.system.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LogScanTest {

    static final Path FILE = Path.of("notice-service.log");

    static java.util.List<String> kinds(String line) {
        return LogScan.scan(FILE, 1, line).stream().map(LogScan.Finding::kind).toList();
    }

    @Test
    void findsFullAddressesTokensAndSecrets() {
        assertThat(kinds("update {\"email\" : \"carol.p-50d1@bounce.example\"}")).containsExactly("email");
        assertThat(kinds("to=+15145550123 failed")).containsExactly("phone");
        assertThat(kinds("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYW5hZ2VyIn0.c2lnbmF0dXJl"))
                .containsExactly("token");
        assertThat(kinds("api key SG.local-key")).containsExactly("secret");
    }

    @Test
    void masksAndOrdinaryTextAreNotFindings() {
        assertThat(kinds("Resend to b***@example.com and ***0123 failed")).isEmpty();
        assertThat(kinds("from notices@propty.example, notice 3f2a-11, port 27017, 2026-12-02T03:13:00.123Z"))
                .isEmpty();
        assertThat(kinds("Kafka offset 15145550123 of partition 3")).isEmpty();
    }
}
