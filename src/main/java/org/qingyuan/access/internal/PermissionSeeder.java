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
 * grants it to its default roles; afterwards the security admin's choices stand.
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
            int inserted = jdbc.sql("INSERT INTO permission (code, label) VALUES (:code, :label) ON CONFLICT DO NOTHING")
                    .param("code", permission.name()).param("label", permission.label()).update();
            if (inserted == 1) {
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
