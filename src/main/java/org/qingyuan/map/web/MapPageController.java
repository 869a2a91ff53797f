package org.qingyuan.map.web;

import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.map.internal.MapFilter;
import org.qingyuan.map.internal.MapProperties;
import org.qingyuan.map.internal.MapQueries;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The battle map page: filters, the map, the card of the clicked enterprise and the unplaced list. */
@Controller
class MapPageController {

    private final MapQueries queries;
    private final MapProperties properties;
    private final Divisions divisions;
    private final RouteAccess routes;

    MapPageController(MapQueries queries, MapProperties properties, Divisions divisions, RouteAccess routes) {
        this.queries = queries;
        this.properties = properties;
        this.divisions = divisions;
        this.routes = routes;
    }

    @Bean
    static NavigationItem mapNavigation() {
        return new NavigationItem("整治销号", "作战地图", "/map", 401);
    }

    @GetMapping("/map")
    String map(@RequestParam(required = false) String town, @RequestParam(required = false) String division,
               @RequestParam(required = false) String category, @RequestParam(required = false) String measure,
               @RequestParam(required = false) String state, @RequestParam(required = false) String overdue,
               @RequestParam(required = false) String dueSoon, Model model) {
        CurrentUser user = CurrentUsers.require();
        String where = division != null && !division.isBlank() ? division : town;
        MapFilter filter = MapFilter.of(where, category, measure, state, overdue, dueSoon);
        queries.unplaced(user.scope(), filter, 0); // checks the filters (400 / 404) before the page is drawn
        model.addAttribute("filter", filter);
        model.addAttribute("town", town == null ? "" : town);
        model.addAttribute("village", division == null ? "" : division);
        model.addAttribute("towns", places(user.scope().division(), DivisionLevel.TOWN));
        model.addAttribute("villages", town == null || town.isBlank() || !DivisionCode.isValid(town) ? List.of()
                : places(DivisionCode.of(town), DivisionLevel.VILLAGE));
        model.addAttribute("categories", queries.categories(user.scope()));
        model.addAttribute("measures", MeasureKind.values());
        model.addAttribute("states", CaseState.values());
        model.addAttribute("map", properties);
        model.addAttribute("fitMarkers", user.scope().division().level().ordinal() > DivisionLevel.COUNTY.ordinal()
                || filter.division() != null);
        model.addAttribute("canPlace", routes.allows(user, "POST", "/api/v1/map/enterprises/0/position"));
        return "map/map";
    }

    /** The divisions of a level directly below the division (none when it is not the level above). */
    private List<Division> places(DivisionCode parent, DivisionLevel level) {
        if (parent.level().ordinal() != level.ordinal() - 1) {
            return List.of();
        }
        return divisions.children(parent);
    }
}
