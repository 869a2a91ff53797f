package org.qingyuan.map.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.map.internal.Dashboards;
import org.qingyuan.patrol.RevisitsDue;
import org.qingyuan.rectification.CaseLists;
import org.qingyuan.referral.DepartmentQueue;
import org.qingyuan.reporting.ReportPunctuality;
import org.qingyuan.shell.HomeContent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each role's home page: the district office, the leader and the supervisor see the campaign; a town officer his
 * villages and his own due and overdue work; a village officer and a grid member today's work first; a department
 * officer its queue. Administrators keep the shell's overview.
 */
@Component
class HomeDashboards implements HomeContent {

    private final Dashboards dashboards;
    private final CaseLists cases;
    private final RevisitsDue revisits;
    private final DepartmentQueue queue;
    private final RouteAccess routes;
    private final ReportPunctuality reports;
    private final JsonMapper json;

    HomeDashboards(Dashboards dashboards, CaseLists cases, RevisitsDue revisits, DepartmentQueue queue, RouteAccess routes,
                   ReportPunctuality reports, JsonMapper json) {
        this.reports = reports;
        this.dashboards = dashboards;
        this.cases = cases;
        this.revisits = revisits;
        this.queue = queue;
        this.routes = routes;
        this.json = json;
    }

    @Override
    public Optional<View> view(CurrentUser user) {
        RoleCode role;
        try {
            role = RoleCode.valueOf(user.roleCode());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("canMap", routes.allows(user, "GET", "/map"));
        return switch (role) {
            case DISTRICT_OFFICE, LEADER, SUPERVISOR, TOWN_OFFICER -> {
                Dashboards.Overview o = dashboards.overview(user.scope());
                model.put("overview", o);
                model.put("chartsJson", json.writeValueAsString(o.charts()));
                if (role == RoleCode.TOWN_OFFICER) {
                    model.put("board", cases.board(null, user.scope()));
                    model.put("reportsDue", reports.open(user.scope()));
                }
                yield Optional.of(new View("map/home", "overview", model));
            }
            case VILLAGE_OFFICER, GRID_MEMBER -> {
                model.put("board", cases.board(null, user.scope()));
                model.put("revisits", revisits.dueSoon(user.scope(), 20));
                model.put("canPatrol", routes.allows(user, "GET", "/patrols/today"));
                yield Optional.of(new View("map/home", "today", model));
            }
            case DEPARTMENT_OFFICER -> {
                model.put("queue", queue.pending(user));
                yield Optional.of(new View("map/home", "department", model));
            }
            default -> Optional.empty();
        };
    }
}
