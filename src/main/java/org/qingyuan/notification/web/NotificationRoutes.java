package org.qingyuan.notification.web;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The inbox is everyone's own. */
@Component
class NotificationRoutes implements RouteRules {

    @Override
    public String module() {
        return "notification";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.signedIn("GET,POST", "/inbox/**"),
                RouteRule.signedIn("GET", "/inbox"),
                RouteRule.signedIn("GET", "/api/v1/inbox"));
    }
}
