package org.qingyuan.utility.web;

import static org.qingyuan.access.Permission.LICENCE_READ;
import static org.qingyuan.access.Permission.LICENCE_RECORD;
import static org.qingyuan.access.Permission.UTILITY_ORDER_CONFIRM;
import static org.qingyuan.access.Permission.UTILITY_ORDER_ISSUE;
import static org.qingyuan.access.Permission.UTILITY_ORDER_READ;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The routes of utility orders (towns and the office order, utilities confirm) and licence actions (market regulation records). */
@Component
class UtilityRoutes implements RouteRules {

    @Override
    public String module() {
        return "utility";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("POST", "/api/v1/utility-orders/*/confirmation", UTILITY_ORDER_CONFIRM),
                RouteRule.of("POST", "/utility-orders/*/confirmation", UTILITY_ORDER_CONFIRM),
                RouteRule.of("POST", "/api/v1/utility-orders", UTILITY_ORDER_ISSUE),
                RouteRule.of("POST", "/utility-orders", UTILITY_ORDER_ISSUE),
                RouteRule.of("GET", "/utility-orders/new", UTILITY_ORDER_ISSUE),
                RouteRule.of("GET", "/utility-orders", UTILITY_ORDER_READ),
                RouteRule.of("GET", "/utility-orders/**", UTILITY_ORDER_READ),
                RouteRule.of("GET", "/api/v1/utility-orders", UTILITY_ORDER_READ),
                RouteRule.of("GET", "/api/v1/utility-orders/**", UTILITY_ORDER_READ),
                RouteRule.of("POST", "/api/v1/licence-actions", LICENCE_RECORD),
                RouteRule.of("POST", "/licence-actions", LICENCE_RECORD),
                RouteRule.of("GET", "/licence-actions", LICENCE_READ),
                RouteRule.of("GET", "/api/v1/licence-actions", LICENCE_READ));
    }
}
