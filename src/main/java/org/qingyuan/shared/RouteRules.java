package org.qingyuan.shared;

import java.util.List;

/**
 * The route rules of one module, a component in its {@code web} package. Within a module the first matching rule
 * decides; the patterns of different modules must not overlap, which the access module checks at start.
 */
public interface RouteRules {

    /** The module's name, for messages. */
    String module();

    /** In order: the first rule whose method and pattern match decides. */
    List<RouteRule> rules();

    static RouteRules of(String module, RouteRule... rules) {
        List<RouteRule> list = List.of(rules);
        return new RouteRules() {
            @Override
            public String module() {
                return module;
            }

            @Override
            public List<RouteRule> rules() {
                return list;
            }
        };
    }
}
