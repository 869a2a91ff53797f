package org.qingyuan.access.internal;

import java.time.Instant;

/** An account as the admin pages show it. */
public record UserRow(long id, String username, String displayName, String roleCode, String roleName, String divisionCode,
               String departmentCode, String departmentName, String phone, boolean enabled, boolean mustChangePassword, Instant lockedUntil,
               int failedAttempts, Instant lastLoginAt, int version) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The row of {@code app_user} joined with its role's and department's names. */
    static UserRow of(java.sql.ResultSet rs) throws java.sql.SQLException {
        var locked = rs.getTimestamp("locked_until");
        var lastLogin = rs.getTimestamp("last_login_at");
        return new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("role_code"), rs.getString("role_name"), rs.getString("division_code"),
                rs.getString("department_code"), rs.getString("department_name"), rs.getString("phone"), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), locked == null ? null : locked.toInstant(),
                rs.getInt("failed_attempts"), lastLogin == null ? null : lastLogin.toInstant(), rs.getInt("version"));
    }
}
