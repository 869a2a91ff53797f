package org.qingyuan.complaint.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import org.qingyuan.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public form's proof of work, without outside services: the server issues a random nonce and a difficulty; the
 * browser searches a counter such that SHA-256(nonce + ":" + counter) starts with that many zero bits; the server checks
 * it and marks the nonce used (single use, shared by all nodes through the database), within its time to live.
 */
@Component
public class Challenges {

    /** A challenge to answer. */
    public record Challenge(String nonce, int bits) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ComplaintProperties properties;
    private final Clock clock;

    Challenges(JdbcClient jdbc, ComplaintProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public Challenge issue() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        jdbc.sql("INSERT INTO complaint_challenge (nonce, bits, issued_at) VALUES (:n, :b, :at)").param("n", nonce)
                .param("b", properties.challengeBits()).param("at", Timestamp.from(clock.instant())).update();
        return new Challenge(nonce, properties.challengeBits());
    }

    /** Checks the answer and uses the nonce up; refuses (400, field {@code challenge}) a wrong, stale or reused one. */
    public void redeem(String nonce, String counter) {
        if (nonce == null || counter == null || nonce.length() > 64 || counter.length() > 20) {
            throw new InvalidInputException("challenge", "请在页面上完成安全校验后再提交（请开启浏览器的 JavaScript）");
        }
        Integer bits = jdbc.sql("SELECT bits FROM complaint_challenge WHERE nonce = :n AND used_at IS NULL AND issued_at > :after")
                .param("n", nonce).param("after", Timestamp.from(clock.instant().minus(properties.challengeTtl())))
                .query(Integer.class).optional().orElse(null);
        if (bits == null) {
            throw new InvalidInputException("challenge", "安全校验已过期或已使用，请刷新页面后重新提交");
        }
        if (!solves(nonce, counter, bits)) {
            throw new InvalidInputException("challenge", "安全校验未通过，请刷新页面后重新提交");
        }
        int used = jdbc.sql("UPDATE complaint_challenge SET used_at = :at WHERE nonce = :n AND used_at IS NULL").param("n", nonce)
                .param("at", Timestamp.from(Instant.now(clock))).update();
        if (used != 1) {
            throw new InvalidInputException("challenge", "安全校验已使用，请刷新页面后重新提交");
        }
    }

    /** True when SHA-256(nonce:counter) starts with {@code bits} zero bits. */
    public static boolean solves(String nonce, String counter, int bits) {
        byte[] hash = sha256(nonce + ":" + counter);
        for (int i = 0; i < bits; i++) {
            if ((hash[i / 8] & (0x80 >>> (i % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Finds an answer (tests and the demo). */
    public static String solve(String nonce, int bits) {
        for (long c = 0; ; c++) {
            if (solves(nonce, Long.toString(c), bits)) {
                return Long.toString(c);
            }
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
