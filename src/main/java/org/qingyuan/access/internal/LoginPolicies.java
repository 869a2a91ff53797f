package org.qingyuan.access.internal;

import java.sql.Array;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.qingyuan.access.LoginPolicy;
import org.qingyuan.access.RoleCode;
import org.qingyuan.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and changes the one login policy row. */
@Component
public class LoginPolicies {

    private final JdbcClient jdbc;

    LoginPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LoginPolicy current() {
        return jdbc.sql("SELECT * FROM login_policy WHERE id = 1").query((rs, i) -> {
            Set<RoleCode> totp = EnumSet.noneOf(RoleCode.class);
            Array array = rs.getArray("totp_roles");
            Arrays.stream((String[]) array.getArray()).forEach(r -> totp.add(RoleCode.valueOf(r)));
            return new LoginPolicy(rs.getInt("min_length"), rs.getInt("min_classes"), rs.getInt("max_failures"),
                    rs.getInt("lock_minutes"), rs.getInt("idle_timeout_minutes"), rs.getInt("absolute_timeout_hours"),
                    rs.getInt("password_max_age_days"), totp, rs.getInt("address_max_failures"),
                    rs.getInt("address_window_minutes"), rs.getInt("version"));
        }).single();
    }

    /** Saves new values; a stale version (someone saved in between) is refused. */
    public void update(LoginPolicy policy) {
        int updated = jdbc.sql("""
                        UPDATE login_policy SET min_length = :minLength, min_classes = :minClasses, max_failures = :maxFailures,
                               lock_minutes = :lockMinutes, idle_timeout_minutes = :idle, absolute_timeout_hours = :absolute,
                               password_max_age_days = :maxAge, totp_roles = CAST(:totp AS text[]), updated_at = now(),
                               address_max_failures = :addressMax, address_window_minutes = :addressWindow,
                               version = version + 1
                         WHERE id = 1 AND version = :version
                        """)
                .param("minLength", policy.minLength()).param("minClasses", policy.minClasses())
                .param("maxFailures", policy.maxFailures()).param("lockMinutes", policy.lockMinutes())
                .param("idle", policy.idleTimeoutMinutes()).param("absolute", policy.absoluteTimeoutHours())
                .param("maxAge", policy.passwordMaxAgeDays())
                .param("totp", "{" + String.join(",", policy.totpRoles().stream().map(Enum::name).toList()) + "}")
                .param("addressMax", policy.addressMaxFailures()).param("addressWindow", policy.addressWindowMinutes())
                .param("version", policy.version())
                .update();
        if (updated == 0) {
            throw new ConflictException("安全策略已被他人修改，请刷新后重试");
        }
    }
}
