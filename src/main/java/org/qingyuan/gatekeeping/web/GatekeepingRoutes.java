package org.qingyuan.gatekeeping.web;

import static org.qingyuan.access.Permission.GATEKEEPING;
import static org.qingyuan.access.Permission.LANDLORD_RECORD;
import static org.qingyuan.access.Permission.RED_LINE_MANAGE;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** Gatekeeping's routes: lookups and connection screening need GATEKEEPING; the district office keeps the red lines; towns and villages record landlords. */
@Component
class GatekeepingRoutes implements RouteRules {

    @Override
    public String module() {
        return "gatekeeping";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET", "/api/v1/gatekeeping/lookup", GATEKEEPING),
                RouteRule.of("POST", "/api/v1/gatekeeping/connections", GATEKEEPING),
                RouteRule.of("POST", "/api/v1/gatekeeping/readings", GATEKEEPING),
                RouteRule.of("GET", "/gatekeeping", GATEKEEPING),
                RouteRule.of("GET,POST", "/gatekeeping/readings", GATEKEEPING),
                RouteRule.of("GET", "/red-lines", GATEKEEPING),
                RouteRule.of("POST", "/red-lines", RED_LINE_MANAGE),
                RouteRule.of("POST", "/red-lines/*", RED_LINE_MANAGE),
                RouteRule.of("POST", "/red-lines/*/lift", RED_LINE_MANAGE),
                RouteRule.of("GET", "/api/v1/red-lines", GATEKEEPING),
                RouteRule.of("GET", "/api/v1/red-lines/*", GATEKEEPING),
                RouteRule.of("POST", "/api/v1/red-lines", RED_LINE_MANAGE),
                RouteRule.of("PUT", "/api/v1/red-lines/*", RED_LINE_MANAGE),
                RouteRule.of("GET,POST", "/landlords", LANDLORD_RECORD),
                RouteRule.of("POST", "/landlords/*/guarantees", LANDLORD_RECORD),
                RouteRule.of("GET,POST", "/api/v1/landlords", LANDLORD_RECORD),
                RouteRule.of("GET", "/api/v1/landlords/*", LANDLORD_RECORD),
                RouteRule.of("POST", "/api/v1/landlords/*/guarantees", LANDLORD_RECORD));
    }
}
