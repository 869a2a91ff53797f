package org.qingyuan.access.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.platform.FieldCipher;
import org.qingyuan.shared.DivisionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} rows as sign-in needs them. */
@Repository
class Accounts {

    /** An account row with its sign-in state. */
    record Account(CurrentUser user, String passwordHash, boolean enabled, boolean mustChangePassword,
                   Instant passwordChangedAt, int failedAttempts, Instant lockedUntil, String totpSecret) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    Accounts(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    Optional<Account> find(String username) {
        return jdbc.sql("""
                        SELECT u.*, r.name AS role_name FROM app_user u JOIN role r ON r.code = u.role_code
                         WHERE u.username = :username
                        """)
                .param("username", username)
                .query((rs, i) -> new Account(
                        new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                                rs.getString("role_code"), rs.getString("role_name"),
                                DivisionCode.of(rs.getString("division_code")), rs.getString("department_code")),
                        rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                        rs.getTimestamp("password_changed_at").toInstant(), rs.getInt("failed_attempts"),
                        instant(rs.getTimestamp("locked_until")), totp(rs.getString("totp_secret"))))
                .optional();
    }

    /** Counts one more failure; answers the new count. */
    int recordFailure(long id) {
        return jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE id = :id RETURNING failed_attempts")
                .param("id", id).query(Integer.class).single();
    }

    void lock(long id, Instant until) {
        jdbc.sql("UPDATE app_user SET locked_until = :until, failed_attempts = 0 WHERE id = :id")
                .param("until", Timestamp.from(until)).param("id", id).update();
    }

    void recordSuccess(long id, Instant at) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_login_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void changePassword(long id, String hash, boolean mustChange, Instant at) {
        jdbc.sql("""
                        UPDATE app_user SET password_hash = :hash, must_change_password = :mustChange,
                               password_changed_at = :at, version = version + 1 WHERE id = :id
                        """)
                .param("hash", hash).param("mustChange", mustChange).param("at", Timestamp.from(at)).param("id", id).update();
    }

    void setTotpSecret(long id, String secret) {
        jdbc.sql("UPDATE app_user SET totp_secret = :secret, version = version + 1 WHERE id = :id")
                .param("secret", cipher.encrypt(secret)).param("id", id).update();
    }

    /** A secret sealed by the field cipher, or (before the start-up re-encryption has run) one left in plain text. */
    private String totp(String stored) {
        return stored == null || !cipher.isSealed(stored) ? stored : cipher.decrypt(stored);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
