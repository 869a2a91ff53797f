package org.qingyuan.statistics.web;

import static org.qingyuan.access.Permission.LEDGER_EXPORT;
import static org.qingyuan.access.Permission.LEDGER_READ;
import static org.qingyuan.access.Permission.PATROL_READ;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The statistics are read by whoever reads the ledger (within their jurisdiction); the 统计表 by whoever exports forms. */
@Component
class StatisticsRoutes implements RouteRules {

    @Override
    public String module() {
        return "statistics";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET", "/statistics/export", LEDGER_EXPORT),
                RouteRule.of("GET", "/statistics", LEDGER_READ),
                RouteRule.of("GET", "/statistics/coverage", PATROL_READ),
                RouteRule.of("GET", "/api/v1/statistics/coverage", PATROL_READ),
                RouteRule.of("GET", "/api/v1/statistics/coverage/unvisited", PATROL_READ),
                RouteRule.of("GET", "/statistics/enterprises", LEDGER_READ),
                RouteRule.of("GET", "/statistics/enterprises/*/periods", LEDGER_READ),
                RouteRule.of("GET", "/api/v1/statistics/enterprises/*/periods", LEDGER_READ),
                RouteRule.of("GET", "/api/v1/statistics/ledger", LEDGER_READ),
                RouteRule.of("GET", "/api/v1/statistics/ledger/enterprises", LEDGER_READ));
    }
}
