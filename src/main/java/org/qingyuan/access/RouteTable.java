package org.qingyuan.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The permission table: the route rules every module contributes ({@link RouteRules} beans), checked here. A route
 * missing from every module's rules is refused to everyone, and {@code RoutePermissionTests} fails the build. At start
 * every permission a rule names must exist, and no pattern may be claimed by two modules.
 */
@Component
public class RouteTable {

    /** A module's rule with its compiled pattern and its permission resolved. */
    public record Route(String module, RouteRule rule, Permission permission, PathPattern pattern) {

        public RouteRule.Access access() {
            return rule.access();
        }
    }

    private final List<Route> routes;

    public RouteTable(List<RouteRules> contributions) {
        List<Route> all = new ArrayList<>();
        // modules in name order so that the table does not depend on bean order; within a module, the module's order
        contributions.stream().sorted(Comparator.comparing(RouteRules::module)).forEach(rules -> rules.rules().forEach(rule ->
                all.add(new Route(rules.module(), rule, permission(rules.module(), rule),
                        PathPatternParser.defaultInstance.parse(rule.pattern())))));
        requireNoOverlap(all);
        this.routes = List.copyOf(all);
    }

    /** The route that decides a request, if any: the first of its module whose method and pattern match. */
    public Optional<Route> find(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return routes.stream().filter(r -> r.rule().allowsMethod(method) && r.pattern().matches(container)).findFirst();
    }

    public List<Route> routes() {
        return routes;
    }

    private static Permission permission(String module, RouteRule rule) {
        if (rule.access() != RouteRule.Access.PERMISSION) {
            return null;
        }
        try {
            return Permission.valueOf(rule.permission());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("module " + module + " names an unknown permission " + rule.permission()
                    + " for " + rule.pattern(), e);
        }
    }

    /** Two modules must not claim the same path: each rule's own pattern, as a path, is matched by no other module's rule. */
    private static void requireNoOverlap(List<Route> all) {
        for (Route r : all) {
            PathContainer sample = PathContainer.parsePath(r.rule().pattern().replace("/**", "/x").replace("*", "x"));
            for (Route other : all) {
                if (!other.module().equals(r.module()) && other.pattern().matches(sample)
                        && methodsMeet(r.rule(), other.rule())) {
                    throw new IllegalStateException("route " + r.rule().pattern() + " of module " + r.module()
                            + " is also claimed by " + other.rule().pattern() + " of module " + other.module());
                }
            }
        }
    }

    private static boolean methodsMeet(RouteRule a, RouteRule b) {
        return a.methods().isEmpty() || b.methods().isEmpty() || a.methods().stream().anyMatch(b.methods()::contains);
    }
}
