package org.qingyuan.lead.web;

import static org.qingyuan.access.Permission.*;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The leads' routes: the jurisdiction reads its queues; patrols, the office and supervisors file; the town decides. */
@Component
class LeadRoutes implements RouteRules {

    @Override
    public String module() {
        return "lead";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET,POST", "/leads/new", LEAD_REPORT),
                RouteRule.of("POST", "/leads/*/photos", LEAD_REPORT),
                RouteRule.of("POST", "/leads/*/*", LEAD_DECIDE),
                RouteRule.of("GET", "/leads", LEAD_READ),
                RouteRule.of("GET", "/leads/**", LEAD_READ),
                RouteRule.of("POST", "/api/v1/leads", LEAD_REPORT),
                RouteRule.of("POST", "/api/v1/leads/*/photos", LEAD_REPORT),
                RouteRule.of("POST", "/api/v1/leads/*/*", LEAD_DECIDE),
                RouteRule.of("GET", "/api/v1/leads", LEAD_READ),
                RouteRule.of("GET", "/api/v1/leads/**", LEAD_READ));
    }
}
