package org.qingyuan.access.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Permission;
import org.qingyuan.access.RoleCode;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security admin's role-permission matrix. Separation of duties holds whatever is ticked:
 * each administrative permission only for the administrator role it belongs to, business ones never
 * for an administrator, no change of one's own role (also enforced by a trigger in the database).
 */
@Service
public class RoleAdministration {

    /** A role as the matrix shows it. */
    public record RoleRow(RoleCode code, String name, String description) {
    }

    private final JdbcClient jdbc;
    private final RolePermissions rolePermissions;
    private final AuditTrail audit;

    RoleAdministration(JdbcClient jdbc, RolePermissions rolePermissions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.rolePermissions = rolePermissions;
        this.audit = audit;
    }

    public List<RoleRow> roles() {
        return jdbc.sql("SELECT code, name, description FROM role ORDER BY sort_order")
                .query((rs, i) -> new RoleRow(RoleCode.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3))).list();
    }

    private void check(CurrentUser editor, RoleCode role, Set<Permission> wanted, String reason) {
        if (editor.role() == role) {
            throw new SeparationOfDutiesException("不能修改本角色的权限：" + roleName(role) + "的权限只能由其他管理员调整，以保证三员分立");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写调整权限的理由");
        }
        for (Permission permission : wanted) {
            if (permission.administrative() && permission.owner() != role) {
                throw new InvalidInputException("permissions", "“" + permission.label() + "”属于" + roleName(permission.owner())
                        + "，不能授予" + roleName(role) + "（三员分立）");
            }
            if (!permission.administrative() && role.administrator()) {
                throw new InvalidInputException("permissions", "管理员角色不能拥有业务权限：" + permission.label());
            }
        }
        if (role == RoleCode.AUDITOR && !wanted.contains(Permission.AUDIT_READ)) {
            throw new InvalidInputException("permissions", "审计员的“" + Permission.AUDIT_READ.label() + "”权限不能移除");
        }
    }

    private String roleName(RoleCode role) {
        return jdbc.sql("SELECT name FROM role WHERE code = :code").param("code", role.name()).query(String.class).optional()
                .orElse(role.name());
    }

    public Map<RoleCode, Set<Permission>> grants() {
        return rolePermissions.all();
    }

    /**
     * Replaces the permissions of one role; records what was added and removed, with the reason. The three
     * administrators stay separate whatever is ticked: nobody changes their own role, each administrative permission
     * stays with the one administrator role it belongs to, business permissions never go to an administrator, and
     * the auditor keeps the audit trail. A refusal is audited and answered in Chinese.
     */
    @Transactional
    public void setPermissions(CurrentUser editor, RoleCode role, Set<Permission> wanted, String reason) {
        try {
            check(editor, role, wanted, reason);
        } catch (InvalidInputException | SeparationOfDutiesException e) {
            audit.recordFailure(new AuditEvent("ROLE_PERMISSIONS_REFUSED", "Role", role.name(), reason,
                    Map.of("refusal", e.getMessage(), "wanted", wanted.stream().map(Enum::name).sorted().toList())),
                    AuditTrail.Outcome.DENIED);
            throw e;
        }
        Set<Permission> before = EnumSet.noneOf(Permission.class);
        before.addAll(rolePermissions.of(role));
        for (Permission permission : before) {
            if (!wanted.contains(permission)) {
                jdbc.sql("DELETE FROM role_permission WHERE role_code = :role AND permission = :permission")
                        .param("role", role.name()).param("permission", permission.name()).update();
            }
        }
        for (Permission permission : wanted) {
            jdbc.sql("INSERT INTO role_permission (role_code, permission) VALUES (:role, :permission) ON CONFLICT DO NOTHING")
                    .param("role", role.name()).param("permission", permission.name()).update();
        }
        Set<Permission> added = EnumSet.noneOf(Permission.class);
        added.addAll(wanted);
        added.removeAll(before);
        Set<Permission> removed = EnumSet.noneOf(Permission.class);
        removed.addAll(before);
        removed.removeAll(wanted);
        audit.record(new AuditEvent("ROLE_PERMISSIONS_CHANGED", "Role", role.name(), reason,
                Map.of("added", added.stream().map(Enum::name).sorted().toList(),
                        "removed", removed.stream().map(Enum::name).sorted().toList())));
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        rolePermissions.refresh();
                    }
                });
    }
}
