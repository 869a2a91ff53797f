package org.qingyuan.access.internal;

import org.qingyuan.access.Permission;
import org.qingyuan.access.RoleCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers each permission of {@link Permission} the first time the platform sees it and
 * grants it to its default roles; afterwards the security admin's choices stand, within the separation
 * of the three administrators that the table {@code permission.owner_role} and its trigger enforce.
 */
@Component
@Order(1)
class PermissionSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PermissionSeeder.class);

    private final JdbcClient jdbc;
    private final RolePermissions rolePermissions;

    PermissionSeeder(JdbcClient jdbc, RolePermissions rolePermissions) {
        this.jdbc = jdbc;
        this.rolePermissions = rolePermissions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int added = 0;
        for (Permission permission : Permission.values()) {
            String owner = permission.owner() == null ? null : permission.owner().name();
            boolean inserted = jdbc.sql("""
                            INSERT INTO permission (code, label, owner_role) VALUES (:code, :label, :owner)
                            ON CONFLICT (code) DO UPDATE SET owner_role = EXCLUDED.owner_role
                            RETURNING (xmax = 0)
                            """)
                    .param("code", permission.name()).param("label", permission.label()).param("owner", owner)
                    .query(Boolean.class).single();
            if (inserted) {
                added++;
                for (RoleCode role : permission.defaultRoles()) {
                    jdbc.sql("INSERT INTO role_permission (role_code, permission) VALUES (:role, :permission) ON CONFLICT DO NOTHING")
                            .param("role", role.name()).param("permission", permission.name()).update();
                }
            }
        }
        if (added > 0) {
            log.info("Registered {} new permission(s) with their default grants", added);
            rolePermissions.refresh();
        }
    }
}
