package org.qingyuan.access.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.qingyuan.access.LoginPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client address, over any user names, in the database so that every node counts the same:
 * once an address reaches the policy's limit within its window, further attempts from it are refused until the
 * window has passed. A success does not reset the count (one known account must not reopen the door).
 */
@Component
class AddressThrottle {

    private final JdbcClient jdbc;

    AddressThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean blocked(String address, LoginPolicy policy, Instant now) {
        if (address == null) {
            return false;
        }
        return jdbc.sql("""
                        SELECT count(*) FROM login_address_failure
                         WHERE client_address = :address AND failures >= :max AND window_start > :since
                        """)
                .param("address", address).param("max", policy.addressMaxFailures())
                .param("since", Timestamp.from(now.minus(Duration.ofMinutes(policy.addressWindowMinutes()))))
                .query(Integer.class).single() > 0;
    }

    void recordFailure(String address, LoginPolicy policy, Instant now) {
        if (address == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO login_address_failure (client_address, failures, window_start) VALUES (:address, 1, :now)
                        ON CONFLICT (client_address) DO UPDATE SET
                            failures = CASE WHEN login_address_failure.window_start <= :since THEN 1
                                            ELSE login_address_failure.failures + 1 END,
                            window_start = CASE WHEN login_address_failure.window_start <= :since THEN :now
                                                ELSE login_address_failure.window_start END
                        """)
                .param("address", address).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(Duration.ofMinutes(policy.addressWindowMinutes()))))
                .update();
    }
}
