package org.qingyuan.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.RoleCode;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system admin's work on accounts: create, bind to a division and department, disable,
 * enable, reset the password. Initial and reset passwords are generated and must be changed at first sign-in, and the
 * system admin never sees one: a business account's goes to the district office of its jurisdiction
 * ({@link CredentialHandovers}), an administrator's to the security admin who approves the request
 * ({@link AdminAccountRequests}). Disabling, enabling and re-binding an administrator's account also wait for the
 * security admin. Every change is audited in its transaction.
 */
@Service
public class UserAdministration {

    /** What the create form carries. */
    public record NewUser(String username, String displayName, RoleCode role, String divisionCode, String departmentCode, String phone) {
    }

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final UserSessions sessions;
    private final CredentialHandovers handovers;
    private final Clock clock;
    private final AccountChecks checks;

    UserAdministration(JdbcClient jdbc, Divisions divisions, PasswordEncoder encoder, AuditTrail audit,
                       UserSessions sessions, CredentialHandovers handovers, Clock clock, AccountChecks checks) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
        this.handovers = handovers;
        this.clock = clock;
        this.checks = checks;
    }

    public List<UserRow> list(String text) {
        return jdbc.sql("""
                        SELECT u.*, r.name AS role_name, d.name AS department_name
                          FROM app_user u JOIN role r ON r.code = u.role_code LEFT JOIN department d ON d.code = u.department_code
                         WHERE CAST(:text AS text) IS NULL OR u.username ILIKE '%' || :text || '%' OR u.display_name ILIKE '%' || :text || '%'
                         ORDER BY r.sort_order, u.division_code, u.username
                        """)
                .param("text", text == null || text.isBlank() ? null : text.strip())
                .query((rs, i) -> UserRow.of(rs)).list();
    }

    public UserRow get(long id) {
        return jdbc.sql("""
                        SELECT u.*, r.name AS role_name, d.name AS department_name
                          FROM app_user u JOIN role r ON r.code = u.role_code LEFT JOIN department d ON d.code = u.department_code
                         WHERE u.id = :id
                        """)
                .param("id", id).query((rs, i) -> UserRow.of(rs)).optional()
                .orElseThrow(() -> new NotFoundException("用户不存在"));
    }

    public List<UserRow> locked() {
        return list(null).stream().filter(u -> u.lockedAt(Instant.now(clock))).toList();
    }

    /**
     * What an account change produced, never a password: either the request that now waits for the security admin
     * (an administrator's account, or a business account no district office can take over), or the hand-over the
     * district office collects.
     */
    public record AccountChange(Long pendingRequestId, Long handoverId) {

        public boolean pending() {
            return pendingRequestId != null;
        }
    }

    /**
     * Creates a business account whose initial password the district office of its jurisdiction collects; an
     * administrator's account (any of the three roles) — or a business account for which no district office other than
     * itself can collect, such as a district's first district office — is only requested here and created when the
     * security admin approves ({@link AdminAccountRequests}).
     */
    @Transactional
    public AccountChange create(NewUser user) {
        DivisionCode division = checks.checkNewUser(user);
        if (user.role().administrator() || !handovers.hasCollector(division.value(), user.username().strip())) {
            return new AccountChange(fileRequest("CREATE", null, user, division.value(), null), null);
        }
        long id = insert(user, division, GeneratedPasswords.next() + GeneratedPasswords.next());
        return new AccountChange(null, handovers.file(id, user.username().strip(), division.value(), "CREATE", null));
    }

    /** Each role's Chinese name by its code, for the account pages. */
    public Map<String, String> roleNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM role ORDER BY code").query((rs, i) -> Map.entry(rs.getString("code"), rs.getString("name")))
                .list().forEach(role -> names.put(role.getKey(), role.getValue()));
        return names;
    }

    /** Creates an approved account at once and answers its one-time password for the approver. */
    String createNow(NewUser user) {
        DivisionCode division = checks.checkNewUser(user);
        String password = GeneratedPasswords.next();
        insert(user, division, password);
        return password;
    }

    private long insert(NewUser user, DivisionCode division, String password) {
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO app_user (username, display_name, password_hash, role_code, division_code,
                                                  department_code, phone, must_change_password)
                            VALUES (:username, :displayName, :hash, :role, :division, :department, :phone, true) RETURNING id
                            """)
                    .param("username", user.username().strip()).param("displayName", user.displayName().strip())
                    .param("hash", encoder.encode(password)).param("role", user.role().name())
                    .param("division", division.value()).param("department", blankToNull(user.departmentCode()))
                    .param("phone", blankToNull(user.phone()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("username", "用户名 " + user.username() + " 已被使用");
        }
        audit.record(new AuditEvent("USER_CREATED", "User", String.valueOf(id), null, Map.of(
                "username", user.username(), "role", user.role().name(), "division", division.value())));
        return id;
    }

    private long fileRequest(String kind, Long targetId, NewUser user, String division, String reason) {
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO admin_account_request (kind, target_user_id, username, display_name, role_code,
                                                               division_code, department_code, phone, reason, requested_by)
                            VALUES (:kind, :target, :username, :displayName, :role, :division, :department, :phone, :reason, :by)
                            RETURNING id
                            """)
                    .param("kind", kind).param("target", targetId).param("username", user.username().strip())
                    .param("displayName", user.displayName().strip()).param("role", user.role().name())
                    .param("division", division).param("department", blankToNull(user.departmentCode()))
                    .param("phone", blankToNull(user.phone())).param("reason", reason)
                    .param("by", org.qingyuan.access.CurrentUsers.current().map(u -> u.username()).orElse("system"))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("username", "用户 " + user.username() + " 已有待批准的申请");
        }
        audit.record(new AuditEvent("ADMIN_ACCOUNT_REQUESTED", "AdminAccountRequest", String.valueOf(id), reason, Map.of(
                "kind", kind, "username", user.username(), "role", user.role().name())));
        return id;
    }

    /**
     * Changes the name, division, department and phone; the version guards against lost updates. For an administrator's
     * account this only files a request for the security admin and answers true.
     */
    @Transactional
    public boolean bind(long id, int version, String displayName, String divisionCode, String departmentCode, String phone, String reason) {
        UserRow before = get(id);
        RoleCode role = RoleCode.valueOf(before.roleCode());
        DivisionCode division = checks.checkBinding(role, divisionCode, departmentCode);
        AccountChecks.requireReason(reason);
        if (role.administrator()) {
            if (before.version() != version) {
                throw new ConflictException("该用户已被他人修改，请刷新后重试");
            }
            fileRequest("BIND", id, new NewUser(before.username(),
                    displayName == null || displayName.isBlank() ? before.displayName() : displayName.strip(), role,
                    division.value(), departmentCode, phone), division.value(), reason.strip());
            return true;
        }
        bindNow(id, version, displayName, divisionCode, departmentCode, phone, reason);
        return false;
    }

    /** Applies a binding at once (a business account, or an approved request; version null skips the check). */
    void bindNow(long id, Integer version, String displayName, String divisionCode, String departmentCode, String phone, String reason) {
        UserRow before = get(id);
        DivisionCode division = checks.checkBinding(RoleCode.valueOf(before.roleCode()), divisionCode, departmentCode);
        AccountChecks.requireReason(reason);
        int updated = jdbc.sql("""
                        UPDATE app_user SET display_name = :name, division_code = :division, department_code = :department,
                               phone = :phone, version = version + 1
                         WHERE id = :id AND version = coalesce(CAST(:version AS integer), version)
                        """)
                .param("name", displayName == null || displayName.isBlank() ? before.displayName() : displayName.strip())
                .param("division", division.value()).param("department", blankToNull(departmentCode))
                .param("phone", blankToNull(phone)).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("该用户已被他人修改，请刷新后重试");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("division", List.of(before.divisionCode(), division.value()));
        changes.put("department", java.util.Arrays.asList(before.departmentCode(), blankToNull(departmentCode)));
        audit.record(new AuditEvent("USER_BOUND", "User", String.valueOf(id), reason, changes));
        if (!before.divisionCode().equals(division.value())) {
            sessions.endAll(before.username());
        }
    }

    /**
     * Enables or disables the account and ends a disabled account's sessions; for an administrator's account this only
     * files a request for the security admin and answers true.
     */
    @Transactional
    public boolean setEnabled(long id, boolean enabled, String reason) {
        AccountChecks.requireReason(reason);
        UserRow user = get(id);
        RoleCode role = RoleCode.valueOf(user.roleCode());
        if (role.administrator()) {
            fileRequest(enabled ? "ENABLE" : "DISABLE", id, new NewUser(user.username(), user.displayName(), role,
                    user.divisionCode(), user.departmentCode(), user.phone()), user.divisionCode(), reason.strip());
            return true;
        }
        setEnabledNow(id, enabled, reason);
        return false;
    }

    /** Enables or disables at once (a business account, or an approved request). */
    void setEnabledNow(long id, boolean enabled, String reason) {
        AccountChecks.requireReason(reason);
        UserRow user = get(id);
        jdbc.sql("UPDATE app_user SET enabled = :enabled, version = version + 1 WHERE id = :id")
                .param("enabled", enabled).param("id", id).update();
        audit.record(new AuditEvent(enabled ? "USER_ENABLED" : "USER_DISABLED", "User", String.valueOf(id), reason, Map.of()));
        if (!enabled) {
            sessions.endAll(user.username());
        }
    }

    /**
     * Resets the password of a business account: the old password stops working at once, the user's sessions end, and
     * the new one is generated when the district office of its jurisdiction collects it. For an administrator's account
     * (or a business account no other district office can take over) this only files a request that the security admin
     * approves; the password is then shown to him, never to the one who asked for the reset.
     */
    @Transactional
    public AccountChange resetPassword(long id, String reason) {
        AccountChecks.requireReason(reason);
        UserRow user = get(id);
        RoleCode role = RoleCode.valueOf(user.roleCode());
        if (role.administrator() || !handovers.hasCollector(user.divisionCode(), user.username())) {
            return new AccountChange(fileRequest("RESET_PASSWORD", id, new NewUser(user.username(), user.displayName(),
                    role, user.divisionCode(), user.departmentCode(), user.phone()), user.divisionCode(), reason.strip()), null);
        }
        long handover = handovers.file(id, user.username(), user.divisionCode(), "RESET_PASSWORD", reason.strip());
        audit.record(new AuditEvent("PASSWORD_RESET", "User", String.valueOf(id), reason.strip(), Map.of("handover", handover)));
        sessions.endAll(user.username());
        return new AccountChange(null, handover);
    }

    /** Resets at once and answers the password for the approver of a request. */
    String resetNow(long id, String reason) {
        AccountChecks.requireReason(reason);
        UserRow user = get(id);
        String password = GeneratedPasswords.next();
        jdbc.sql("""
                        UPDATE app_user SET password_hash = :hash, must_change_password = true, password_changed_at = now(),
                               failed_attempts = 0, version = version + 1 WHERE id = :id
                        """)
                .param("hash", encoder.encode(password)).param("id", id).update();
        audit.record(new AuditEvent("PASSWORD_RESET", "User", String.valueOf(id), reason, Map.of()));
        sessions.endAll(user.username());
        return password;
    }

    /** The security admin lifts a lock. */
    @Transactional
    public void unlock(long id, String reason) {
        AccountChecks.requireReason(reason);
        get(id);
        jdbc.sql("UPDATE app_user SET locked_until = NULL, failed_attempts = 0 WHERE id = :id").param("id", id).update();
        audit.record(new AuditEvent("ACCOUNT_UNLOCKED", "User", String.valueOf(id), reason, Map.of()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
