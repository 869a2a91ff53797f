package org.qingyuan.access;

import java.util.Set;

/**
 * One line of the route table: which requests (methods and path pattern) need what.
 *
 * @param methods HTTP methods, empty for any
 * @param pattern a Spring path pattern, e.g. {@code /api/v1/regions/**}
 * @param access who may call it
 * @param permission the permission needed when access is {@link Access#PERMISSION}
 */
public record Route(Set<String> methods, String pattern, Access access, Permission permission) {

    /** Who may call a route. */
    public enum Access {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** Any signed-in user. */
        SIGNED_IN,
        /** Signed-in users whose role holds the permission. */
        PERMISSION
    }

    public static Route open(String pattern) {
        return new Route(Set.of(), pattern, Access.PUBLIC, null);
    }

    public static Route signedIn(String methods, String pattern) {
        return new Route(methods(methods), pattern, Access.SIGNED_IN, null);
    }

    public static Route of(String methods, String pattern, Permission permission) {
        return new Route(methods(methods), pattern, Access.PERMISSION, permission);
    }

    public boolean allowsMethod(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    private static Set<String> methods(String methods) {
        return "*".equals(methods) ? Set.of() : Set.of(methods.split(","));
    }
}
