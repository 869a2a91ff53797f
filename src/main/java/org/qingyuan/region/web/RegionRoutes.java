package org.qingyuan.region.web;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The division tree's routes (permissions by name: region does not depend on access). */
@Component
class RegionRoutes implements RouteRules {

    @Override
    public String module() {
        return "region";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET", "/regions/**", "REGION_READ"),
                RouteRule.of("GET", "/regions", "REGION_READ"),
                RouteRule.of("GET", "/api/v1/regions/**", "REGION_READ"),
                RouteRule.of("GET", "/api/v1/regions", "REGION_READ"));
    }
}
