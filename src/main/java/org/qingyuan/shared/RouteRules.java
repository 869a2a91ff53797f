package org.qingyuan.shared;

import java.util.List;

/**
 * The route rules of one module, declared as a bean in its {@code web} package (as {@link NavigationItem}s are).
 * Within a module the first matching rule decides; the patterns of different modules must not overlap, which the
 * access module checks at start.
 *
 * @param module the module's name, for messages
 */
public record RouteRules(String module, List<RouteRule> rules) {

    public static RouteRules of(String module, RouteRule... rules) {
        return new RouteRules(module, List.of(rules));
    }
}
