package org.qingyuan.notification.web;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inbox is everyone's own. */
@Configuration(proxyBeanMethods = false)
class NotificationRoutes {

    @Bean
    RouteRules notificationRouteRules() {
        return RouteRules.of("notification",
                RouteRule.signedIn("GET,POST", "/inbox/**"),
                RouteRule.signedIn("GET", "/inbox"),
                RouteRule.signedIn("GET", "/api/v1/inbox"));
    }
}
