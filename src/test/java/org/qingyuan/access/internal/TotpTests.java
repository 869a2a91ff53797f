package org.qingyuan.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTests {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheSha1VectorsOfRfc6238() {
        assertThat(Totp.code(RFC_SECRET, 59L / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_SECRET, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_SECRET, 1234567890L / 30, 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_SECRET, 20000000000L / 30, 8)).isEqualTo("65353130");
    }

    @Test
    void acceptsOneStepOfClockDriftButNotTwo() {
        String secret = Totp.base32(RFC_SECRET);
        Instant now = Instant.ofEpochSecond(1234567890L);
        String code = Totp.code(RFC_SECRET, now.getEpochSecond() / 30, 6);
        assertThat(Totp.verify(secret, code, now)).isTrue();
        assertThat(Totp.verify(secret, code, now.plusSeconds(30))).isTrue();
        assertThat(Totp.verify(secret, code, now.plusSeconds(61))).isFalse();
        assertThat(Totp.verify(secret, "12345", now)).isFalse();
    }

    @Test
    void base32RoundTrips() {
        assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(RFC_SECRET);
    }
}
