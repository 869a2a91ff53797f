package org.qingyuan.access.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.qingyuan.access.Permission;
import org.qingyuan.access.RoleCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which role holds which permission, read from {@code role_permission} and cached until the
 * security admin changes it; checked on every request, so a change takes effect at once.
 */
@Component
public class RolePermissions {

    private final JdbcClient jdbc;
    private volatile Map<RoleCode, Set<Permission>> grants;

    RolePermissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean has(RoleCode role, Permission permission) {
        return grants().getOrDefault(role, Set.of()).contains(permission);
    }

    public Set<Permission> of(RoleCode role) {
        return grants().getOrDefault(role, Set.of());
    }

    public Map<RoleCode, Set<Permission>> all() {
        return grants();
    }

    /** Forgets the cache; the next check reads the table again. */
    public void refresh() {
        grants = null;
    }

    private Map<RoleCode, Set<Permission>> grants() {
        Map<RoleCode, Set<Permission>> current = grants;
        if (current == null) {
            Map<RoleCode, Set<Permission>> loaded = new EnumMap<>(RoleCode.class);
            for (RoleCode role : RoleCode.values()) {
                loaded.put(role, EnumSet.noneOf(Permission.class));
            }
            jdbc.sql("SELECT role_code, permission FROM role_permission").query((rs, i) -> {
                try {
                    loaded.get(RoleCode.valueOf(rs.getString(1))).add(Permission.valueOf(rs.getString(2)));
                } catch (IllegalArgumentException retired) {
                    // a permission or role no longer in the code grants nothing
                }
                return null;
            }).list();
            grants = current = loaded;
        }
        return current;
    }
}
