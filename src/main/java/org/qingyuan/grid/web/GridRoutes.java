package org.qingyuan.grid.web;

import static org.qingyuan.access.Permission.GRID_MANAGE;
import static org.qingyuan.access.Permission.GRID_READ;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The grids' routes: everyone in a jurisdiction reads its grids; the town and the district draw them. */
@Component
class GridRoutes implements RouteRules {

    @Override
    public String module() {
        return "grid";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET", "/grids/new", GRID_MANAGE),
                RouteRule.of("GET", "/grids/*/edit", GRID_MANAGE),
                RouteRule.of("POST", "/grids/**", GRID_MANAGE),
                RouteRule.of("GET", "/grids/**", GRID_READ),
                RouteRule.of("GET", "/grids", GRID_READ),
                RouteRule.of("POST,PUT", "/api/v1/grids/**", GRID_MANAGE),
                RouteRule.of("POST", "/api/v1/grids", GRID_MANAGE),
                RouteRule.of("GET", "/api/v1/grids/**", GRID_READ),
                RouteRule.of("GET", "/api/v1/grids", GRID_READ));
    }
}
