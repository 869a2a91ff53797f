package org.qingyuan.shared;

import java.util.Set;

/**
 * One line of a module's route rules: which requests (methods and path pattern) need what. The access module checks
 * every request against the rules all modules contribute ({@link RouteRules}); a request no rule matches is refused.
 *
 * @param methods HTTP methods, empty for any
 * @param pattern a Spring path pattern, e.g. {@code /api/v1/regions/**}
 * @param access who may call it
 * @param permission the name of the access module's permission needed when access is {@link Access#PERMISSION}
 */
public record RouteRule(Set<String> methods, String pattern, Access access, String permission) {

    /** Who may call a route. */
    public enum Access {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** Any signed-in user. */
        SIGNED_IN,
        /** Signed-in users whose role holds the permission. */
        PERMISSION
    }

    public static RouteRule open(String pattern) {
        return new RouteRule(Set.of(), pattern, Access.PUBLIC, null);
    }

    /** @param methods comma-separated, or {@code *} for any */
    public static RouteRule signedIn(String methods, String pattern) {
        return new RouteRule(methods(methods), pattern, Access.SIGNED_IN, null);
    }

    /**
     * @param methods comma-separated, or {@code *} for any
     * @param permission a permission by name (modules that do not depend on access) or the permission itself
     */
    public static RouteRule of(String methods, String pattern, Object permission) {
        String name = permission instanceof Enum<?> e ? e.name() : String.valueOf(permission);
        return new RouteRule(methods(methods), pattern, Access.PERMISSION, name);
    }

    public boolean allowsMethod(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    private static Set<String> methods(String methods) {
        return "*".equals(methods) ? Set.of() : Set.of(methods.split(","));
    }
}
