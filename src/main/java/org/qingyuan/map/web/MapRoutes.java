package org.qingyuan.map.web;

import static org.qingyuan.access.Permission.LEDGER_EDIT;
import static org.qingyuan.access.Permission.LEDGER_READ;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The map's routes: whoever reads the ledger sees it; whoever edits the ledger places an enterprise. */
@Component
class MapRoutes implements RouteRules {

    @Override
    public String module() {
        return "map";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET", "/map", LEDGER_READ),
                RouteRule.of("GET", "/api/v1/map/**", LEDGER_READ),
                RouteRule.of("POST", "/api/v1/map/enterprises/*/position", LEDGER_EDIT));
    }
}
