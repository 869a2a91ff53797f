package org.qingyuan.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Permission;
import org.qingyuan.access.RoleCode;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business-role API tokens take two people: a district office requests one for a system of its own
 * jurisdiction, the system admin approves it, and only then can the requester issue it and see it, once.
 * The system admin never sees a token, so he cannot use one to reach business data.
 */
@Service
public class TokenRequests {

    /** A request as the pages show it. */
    public record TokenRequest(long id, String name, String roleCode, String divisionCode, String departmentCode,
                               List<String> permissions, String reason, String requestedBy, Instant requestedAt, String state,
                               String decidedBy, Instant decidedAt, String decisionReason) {

        /** The permissions by their Chinese labels, for the pages. */
        public String permissionLabels() {
            return TokenGrant.labels(permissions);
        }

        public String stateLabel() {
            return switch (state) {
                case "PENDING" -> "待批准";
                case "APPROVED" -> "已批准，待领取";
                case "REJECTED" -> "已驳回";
                case "ISSUED" -> "已领取";
                default -> state;
            };
        }
    }

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final ApiTokens tokens;
    private final RolePermissions rolePermissions;
    private final AuditTrail audit;
    private final Clock clock;

    TokenRequests(JdbcClient jdbc, Divisions divisions, ApiTokens tokens, RolePermissions rolePermissions, AuditTrail audit,
                  Clock clock) {
        this.jdbc = jdbc;
        this.rolePermissions = rolePermissions;
        this.divisions = divisions;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A district office asks for a token of a business role within its own jurisdiction, carrying only the permissions
     * named (e.g. GATEKEEPING alone for an approval body): each must be held by the requester's role and by the token's.
     */
    @Transactional
    public long request(CurrentUser requester, String name, String role, String divisionCode, String departmentCode,
                        List<String> permissions, String reason) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "请填写令牌名称（调用方系统）");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写申请理由（调用方系统的用途）");
        }
        RoleCode roleCode;
        try {
            roleCode = RoleCode.valueOf(role);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("role", "请选择令牌的角色");
        }
        if (roleCode.administrator()) {
            throw new InvalidInputException("role", "接口令牌不能使用管理员角色");
        }
        DivisionCode division = InvalidInputException.divisionCode("divisionCode", divisionCode);
        if (divisions.find(division).isEmpty()) {
            throw new InvalidInputException("divisionCode", "区划代码 " + division + " 不存在");
        }
        if (!requester.scope().covers(division)) {
            throw new InvalidInputException("divisionCode", "区划 " + division + " 不在本辖区内，只能为本辖区的系统申请令牌");
        }
        String department = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.strip();
        if (roleCode == RoleCode.DEPARTMENT_OFFICER && department == null) {
            throw new InvalidInputException("departmentCode", "部门角色的令牌必须填写部门代码");
        }
        if (department != null && jdbc.sql("SELECT count(*) FROM department WHERE code = :c").param("c", department)
                .query(Integer.class).single() == 0) {
            throw new InvalidInputException("departmentCode", "部门 " + department + " 不存在");
        }
        Set<Permission> granted = grantable(requester, roleCode, permissions);
        long id = jdbc.sql("""
                        INSERT INTO api_token_request (name, role_code, division_code, department_code, permissions, reason,
                                                       requested_by)
                        VALUES (:name, :role, :division, :department, :permissions, :reason, :by) RETURNING id
                        """)
                .param("name", name.strip()).param("role", roleCode.name()).param("division", division.value())
                .param("department", department).param("permissions", TokenGrant.names(granted))
                .param("reason", reason.strip()).param("by", requester.username())
                .query(Long.class).single();
        audit.record(new AuditEvent("API_TOKEN_REQUESTED", "ApiTokenRequest", String.valueOf(id), reason.strip(),
                Map.of("name", name.strip(), "role", roleCode.name(), "division", division.value(),
                        "permissions", List.of(TokenGrant.names(granted)))));
        return id;
    }

    /** The system admin approves; the token is not made yet, and he never sees it. */
    @Transactional
    public void approve(long id, CurrentUser approver) {
        TokenRequest request = decide(id, approver, "APPROVED", null);
        audit.record(new AuditEvent("API_TOKEN_REQUEST_APPROVED", "ApiTokenRequest", String.valueOf(id), null,
                Map.of("requestedBy", request.requestedBy())));
    }

    @Transactional
    public void reject(long id, CurrentUser approver, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写驳回理由");
        }
        TokenRequest request = decide(id, approver, "REJECTED", reason.strip());
        audit.record(new AuditEvent("API_TOKEN_REQUEST_REJECTED", "ApiTokenRequest", String.valueOf(id), reason.strip(),
                Map.of("requestedBy", request.requestedBy())));
    }

    /** The requester takes an approved token: answers its secret text, shown this once. */
    @Transactional
    public String issue(long id, CurrentUser requester) {
        TokenRequest request = get(id);
        if (!request.requestedBy().equals(requester.username())) {
            throw new NotFoundException("令牌申请不存在");
        }
        if (!"APPROVED".equals(request.state())) {
            throw new InvalidInputException("state", "该申请" + request.stateLabel() + "，不能领取令牌");
        }
        // the issuer must still hold every permission he hands over (his role may have lost one since he asked)
        Set<Permission> granted = grantable(requester, RoleCode.valueOf(request.roleCode()), request.permissions());
        var issued = tokens.create(request.name(), RoleCode.valueOf(request.roleCode()), DivisionCode.of(request.divisionCode()),
                request.departmentCode(), granted, requester.username(), id, request.decidedBy());
        jdbc.sql("UPDATE api_token_request SET state = 'ISSUED', token_id = :token WHERE id = :id AND state = 'APPROVED'")
                .param("token", issued.id()).param("id", id).update();
        return issued.token();
    }

    /** The permissions a requester may put on a token of this role: his own role's that the token's role holds too. */
    public List<Permission> offered(CurrentUser requester) {
        return rolePermissions.of(requester.role()).stream().filter(p -> !p.administrative()).sorted().toList();
    }

    private Set<Permission> grantable(CurrentUser requester, RoleCode role, List<String> names) {
        if (names == null || names.stream().allMatch(n -> n == null || n.isBlank())) {
            throw new InvalidInputException("permissions", "请选择令牌的权限（只授予调用方系统需要的权限，例如审批系统只需“禁入查询”）");
        }
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            Permission permission;
            try {
                permission = Permission.valueOf(name.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("permissions", "权限 " + name.strip() + " 不存在");
            }
            if (permission.administrative() || !rolePermissions.has(requester.role(), permission)) {
                throw new InvalidInputException("permissions", "您本人不具有权限“" + permission.label() + "”，不能授予令牌");
            }
            if (!rolePermissions.has(role, permission)) {
                throw new InvalidInputException("permissions", "角色 " + role + " 不具有权限“" + permission.label()
                        + "”，请选择具有该权限的角色");
            }
            granted.add(permission);
        }
        return granted;
    }

    public List<TokenRequest> mine(CurrentUser requester) {
        return jdbc.sql("SELECT * FROM api_token_request WHERE requested_by = :by ORDER BY id DESC LIMIT 200")
                .param("by", requester.username()).query((rs, i) -> row(rs)).list();
    }

    public List<TokenRequest> recent() {
        return jdbc.sql("SELECT * FROM api_token_request ORDER BY (state = 'PENDING') DESC, id DESC LIMIT 200")
                .query((rs, i) -> row(rs)).list();
    }

    private TokenRequest decide(long id, CurrentUser approver, String state, String reason) {
        TokenRequest request = get(id);
        RequestDecisions.decide(jdbc, clock, RequestDecisions.Table.api_token_request, id, request.requestedBy(),
                request.stateLabel(), approver, state, reason);
        return request;
    }

    private TokenRequest get(long id) {
        return jdbc.sql("SELECT * FROM api_token_request WHERE id = :id").param("id", id).query((rs, i) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("令牌申请不存在"));
    }

    private static TokenRequest row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new TokenRequest(rs.getLong("id"), rs.getString("name"), rs.getString("role_code"), rs.getString("division_code"),
                rs.getString("department_code"), TokenGrant.list(rs.getArray("permissions")), rs.getString("reason"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("state"), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_reason"));
    }
}
