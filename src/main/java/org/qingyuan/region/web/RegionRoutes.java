package org.qingyuan.region.web;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The division tree's routes (permissions by name: region does not depend on access). */
@Configuration(proxyBeanMethods = false)
class RegionRoutes {

    @Bean
    RouteRules regionRouteRules() {
        return RouteRules.of("region",
                RouteRule.of("GET", "/regions/**", "REGION_READ"),
                RouteRule.of("GET", "/regions", "REGION_READ"),
                RouteRule.of("GET", "/api/v1/regions/**", "REGION_READ"),
                RouteRule.of("GET", "/api/v1/regions", "REGION_READ"));
    }
}
