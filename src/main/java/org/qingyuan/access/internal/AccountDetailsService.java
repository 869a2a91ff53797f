package org.qingyuan.access.internal;

import java.time.Clock;
import java.time.Instant;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.shared.DivisionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts from {@code app_user} for form login. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountDetailsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public AccountDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                        SELECT u.id, u.username, u.display_name, u.password_hash, u.role_code, r.name AS role_name,
                               u.division_code, u.department_code, u.enabled, u.locked_until
                          FROM app_user u JOIN role r ON r.code = u.role_code
                         WHERE u.username = :username
                        """)
                .param("username", username)
                .query((rs, i) -> {
                    var user = new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                            rs.getString("role_code"), rs.getString("role_name"),
                            DivisionCode.of(rs.getString("division_code")), rs.getString("department_code"));
                    var lockedUntil = rs.getTimestamp("locked_until");
                    boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(Instant.now(clock));
                    return new AccountDetails(user, rs.getString("password_hash"), rs.getBoolean("enabled"), locked);
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("用户名或密码错误"));
    }
}
