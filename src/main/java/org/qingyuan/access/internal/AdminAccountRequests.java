package org.qingyuan.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.internal.UserAdministration.NewUser;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second administrator's side of creating, resetting, disabling, enabling or re-binding an administrator's
 * account: the system admin files the request ({@link UserAdministration}), the security admin approves or rejects
 * it. On approval of a creation or reset the one-time password goes to the approver, who hands it to the account's
 * owner; the requester never sees it, so no single administrator can take over or lock out another. A business account
 * that no district office can take over (a district's first district office) takes this way too.
 */
@Service
public class AdminAccountRequests {

    /** A request as the security admin sees it. */
    public record AccountRequest(long id, String kind, Long targetUserId, String username, String displayName, String roleCode,
                                 String divisionCode, String departmentCode, String phone, String reason, String requestedBy, Instant requestedAt, String state,
                                 String decidedBy, Instant decidedAt, String decisionReason) {

        public String kindLabel() {
            return switch (kind) {
                case "CREATE" -> "创建账号";
                case "RESET_PASSWORD" -> "重置密码";
                case "DISABLE" -> "停用账号";
                case "ENABLE" -> "启用账号";
                default -> "变更绑定（区划 " + divisionCode + (departmentCode == null ? "" : "，部门 " + departmentCode) + "）";
            };
        }

        /** True when approving it produces a one-time password for the approver. */
        public boolean givesPassword() {
            return "CREATE".equals(kind) || "RESET_PASSWORD".equals(kind);
        }

        public String stateLabel() {
            return switch (state) {
                case "PENDING" -> "待安全管理员批准";
                case "APPROVED" -> "已批准";
                default -> "已驳回";
            };
        }
    }

    private final JdbcClient jdbc;
    private final UserAdministration users;
    private final AuditTrail audit;
    private final Clock clock;

    AdminAccountRequests(JdbcClient jdbc, UserAdministration users, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public List<AccountRequest> recent() {
        return jdbc.sql("SELECT * FROM admin_account_request ORDER BY (state = 'PENDING') DESC, id DESC LIMIT 200")
                .query((rs, i) -> row(rs)).list();
    }

    /** The pending requests about one account or user name, for the system admin's pages. */
    public List<AccountRequest> pendingFor(String username) {
        return jdbc.sql("SELECT * FROM admin_account_request WHERE username = :u AND state = 'PENDING' ORDER BY id")
                .param("u", username).query((rs, i) -> row(rs)).list();
    }

    public List<AccountRequest> pending() {
        return jdbc.sql("SELECT * FROM admin_account_request WHERE state = 'PENDING' ORDER BY id")
                .query((rs, i) -> row(rs)).list();
    }

    /**
     * Approves: creates the account, resets the password, disables, enables or re-binds it; answers the one-time
     * password for the approver of a creation or reset, else null.
     */
    @Transactional
    public String approve(long id, CurrentUser approver) {
        AccountRequest request = decide(id, approver, "APPROVED", null);
        String password = null;
        switch (request.kind()) {
            case "CREATE" -> password = users.createNow(new NewUser(request.username(), request.displayName(),
                    RoleCode.valueOf(request.roleCode()), request.divisionCode(), request.departmentCode(), request.phone()));
            case "RESET_PASSWORD" -> password = users.resetNow(request.targetUserId(), request.reason());
            case "DISABLE", "ENABLE" -> users.setEnabledNow(request.targetUserId(), "ENABLE".equals(request.kind()), request.reason());
            case "BIND" -> users.bindNow(request.targetUserId(), null, request.displayName(), request.divisionCode(),
                    request.departmentCode(), request.phone(), request.reason());
            default -> throw new IllegalStateException("unknown request kind " + request.kind());
        }
        audit.record(new AuditEvent("ADMIN_ACCOUNT_REQUEST_APPROVED", "AdminAccountRequest", String.valueOf(id), null,
                Map.of("kind", request.kind(), "username", request.username(), "requestedBy", request.requestedBy())));
        return password;
    }

    @Transactional
    public void reject(long id, CurrentUser approver, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写驳回理由");
        }
        AccountRequest request = decide(id, approver, "REJECTED", reason.strip());
        audit.record(new AuditEvent("ADMIN_ACCOUNT_REQUEST_REJECTED", "AdminAccountRequest", String.valueOf(id), reason.strip(),
                Map.of("kind", request.kind(), "username", request.username(), "requestedBy", request.requestedBy())));
    }

    private AccountRequest decide(long id, CurrentUser approver, String state, String reason) {
        AccountRequest request = jdbc.sql("SELECT * FROM admin_account_request WHERE id = :id").param("id", id)
                .query((rs, i) -> row(rs)).optional().orElseThrow(() -> new NotFoundException("申请不存在"));
        if (request.targetUserId() != null && request.targetUserId() == approver.id()
                || request.username().equals(approver.username())) {
            throw new InvalidInputException("state", "不能审批涉及本人账号的申请，须由另一名管理员审批");
        }
        RequestDecisions.decide(jdbc, clock, RequestDecisions.Table.admin_account_request, id, request.requestedBy(),
                request.stateLabel(), approver, state, reason);
        return request;
    }

    private static AccountRequest row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        long target = rs.getLong("target_user_id");
        return new AccountRequest(rs.getLong("id"), rs.getString("kind"), rs.wasNull() ? null : target, rs.getString("username"),
                rs.getString("display_name"), rs.getString("role_code"), rs.getString("division_code"), rs.getString("department_code"), rs.getString("phone"),
                rs.getString("reason"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("state"),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("decision_reason"));
    }
}
