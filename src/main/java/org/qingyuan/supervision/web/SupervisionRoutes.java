package org.qingyuan.supervision.web;

import static org.qingyuan.access.Permission.SUPERVISION_ESCALATE;
import static org.qingyuan.access.Permission.SUPERVISION_INSPECT;
import static org.qingyuan.access.Permission.SUPERVISION_READ;
import static org.qingyuan.access.Permission.SUPERVISION_RECTIFY;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** Supervision's routes: the jurisdiction reads; supervisors draw and inspect; towns and departments report rectification. */
@Component
class SupervisionRoutes implements RouteRules {

    @Override
    public String module() {
        return "supervision";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("POST", "/api/v1/supervision/draws", SUPERVISION_READ),
                RouteRule.of("POST", "/api/v1/supervision/problems/*/rectification", SUPERVISION_RECTIFY),
                RouteRule.of("POST", "/supervision/problems/*/rectification", SUPERVISION_RECTIFY),
                RouteRule.of("POST", "/api/v1/supervision/escalations/**", SUPERVISION_ESCALATE),
                RouteRule.of("POST", "/supervision/escalations/**", SUPERVISION_ESCALATE),
                RouteRule.of("POST", "/api/v1/supervision/**", SUPERVISION_INSPECT),
                RouteRule.of("POST", "/supervision/**", SUPERVISION_INSPECT),
                RouteRule.of("GET", "/supervision", SUPERVISION_READ),
                RouteRule.of("GET", "/supervision/**", SUPERVISION_READ),
                RouteRule.of("GET", "/api/v1/supervision/**", SUPERVISION_READ));
    }
}
