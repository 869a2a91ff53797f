package org.qingyuan.access.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * administrative permissions only for the three administrator roles, business ones never.
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

    public Map<RoleCode, Set<Permission>> grants() {
        return rolePermissions.all();
    }

    /** Replaces the permissions of one role; records what was added and removed, with the reason. */
    @Transactional
    public void setPermissions(RoleCode role, Set<Permission> wanted, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写调整权限的理由");
        }
        for (Permission permission : wanted) {
            if (permission.administrative() != role.administrator()) {
                throw new InvalidInputException("permissions", (role.administrator()
                        ? "管理员角色不能拥有业务权限：" : "业务角色不能拥有管理权限：") + permission.label());
            }
        }
        Set<Permission> before = EnumSet.noneOf(Permission.class);
        before.addAll(rolePermissions.of(role));
        jdbc.sql("DELETE FROM role_permission WHERE role_code = :role").param("role", role.name()).update();
        for (Permission permission : wanted) {
            jdbc.sql("INSERT INTO role_permission (role_code, permission) VALUES (:role, :permission)")
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
