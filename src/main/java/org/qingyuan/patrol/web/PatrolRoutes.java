package org.qingyuan.patrol.web;

import static org.qingyuan.access.Permission.NIGHT_PATROL_PLAN;
import static org.qingyuan.access.Permission.PATROL_READ;
import static org.qingyuan.access.Permission.PATROL_RECORD;
import static org.qingyuan.access.Permission.REVISIT_PLAN;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The patrols' routes: grid members and officers patrol and check in; the town plans the night rota; others read. */
@Component
class PatrolRoutes implements RouteRules {

    @Override
    public String module() {
        return "patrol";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("POST", "/revisits", REVISIT_PLAN),
                RouteRule.of("GET", "/revisits", PATROL_READ),
                RouteRule.of("POST", "/api/v1/revisits", REVISIT_PLAN),
                RouteRule.of("GET", "/api/v1/revisits", PATROL_READ),
                RouteRule.of("GET", "/api/v1/revisits/**", PATROL_READ),
                RouteRule.of("GET", "/patrols/today", PATROL_RECORD),
                RouteRule.of("GET", "/patrols/*/check-in", PATROL_RECORD),
                RouteRule.of("POST", "/patrols/rota", NIGHT_PATROL_PLAN),
                RouteRule.of("POST", "/patrols/**", PATROL_RECORD),
                RouteRule.of("GET", "/patrols/**", PATROL_READ),
                RouteRule.of("GET", "/patrols", PATROL_READ),
                RouteRule.of("POST,PUT", "/api/v1/patrols/rota/**", NIGHT_PATROL_PLAN),
                RouteRule.of("POST", "/api/v1/patrols/**", PATROL_RECORD),
                RouteRule.of("GET", "/api/v1/patrols/**", PATROL_READ));
    }
}
