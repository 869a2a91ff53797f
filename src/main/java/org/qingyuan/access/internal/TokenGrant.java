package org.qingyuan.access.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.qingyuan.access.Permission;

/**
 * The permissions an API token carries (column {@code api_token.permissions}). Kept as the authentication's details
 * of a bearer request: {@link RouteAuthorization} lets a token use a permission only when it is in this list and
 * still granted to the token's role. A name no longer in the code grants nothing.
 */
public record TokenGrant(Set<Permission> permissions) {

    public TokenGrant {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    static TokenGrant of(Collection<String> names) {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            try {
                set.add(Permission.valueOf(name));
            } catch (IllegalArgumentException retired) {
                // a retired permission grants nothing
            }
        }
        return new TokenGrant(set);
    }

    boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    static String[] names(Collection<Permission> permissions) {
        return permissions.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** "禁入查询和接电接水筛查、查看行政区划" for the pages. */
    static String labels(Collection<String> names) {
        return names.stream().map(n -> {
            try {
                return Permission.valueOf(n).label();
            } catch (IllegalArgumentException retired) {
                return n;
            }
        }).collect(Collectors.joining("、"));
    }
}
