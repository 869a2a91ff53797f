package org.qingyuan.map.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.map.internal.Box;
import org.qingyuan.map.internal.Layers;
import org.qingyuan.map.internal.MapCard;
import org.qingyuan.map.internal.MapFilter;
import org.qingyuan.map.internal.MapQueries;
import org.qingyuan.map.internal.MapView;
import org.qingyuan.map.internal.Outlines;
import org.qingyuan.map.internal.Placement;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The map's data: markers or cells of a view, an enterprise's card, the unplaced list, the outline, the overlays. */
@RestController
@RequestMapping("/api/v1/map")
class MapApiController {

    private final MapQueries queries;
    private final Placement placement;
    private final Outlines outlines;
    private final Layers layers;
    private final Divisions divisions;
    private final org.qingyuan.map.internal.Dashboards dashboards;

    MapApiController(MapQueries queries, Placement placement, Outlines outlines, Layers layers, Divisions divisions,
                     org.qingyuan.map.internal.Dashboards dashboards) {
        this.dashboards = dashboards;
        this.queries = queries;
        this.placement = placement;
        this.outlines = outlines;
        this.layers = layers;
        this.divisions = divisions;
    }

    /** The markers inside {@code bbox} at {@code zoom}, or cells when there are more than the point limit. */
    @GetMapping("/view")
    MapView view(@RequestParam(required = false) String bbox, @RequestParam(defaultValue = "12") int zoom,
                 @RequestParam(required = false) String division, @RequestParam(required = false) String category,
                 @RequestParam(required = false) String measure, @RequestParam(required = false) String state,
                 @RequestParam(required = false) String overdue, @RequestParam(required = false) String dueSoon) {
        return queries.view(scope(), MapFilter.of(division, category, measure, state, overdue, dueSoon), Box.of(bbox), zoom);
    }

    @GetMapping("/enterprises/{id}")
    Card card(@PathVariable long id) {
        return card(queries.card(scope(), id));
    }

    @GetMapping("/unplaced")
    Map<String, Object> unplaced(@RequestParam(required = false) String division, @RequestParam(required = false) String category,
                                 @RequestParam(required = false) String measure, @RequestParam(required = false) String state,
                                 @RequestParam(required = false) String overdue, @RequestParam(required = false) String dueSoon) {
        MapQueries.Unplaced u = queries.unplaced(scope(), MapFilter.of(division, category, measure, state, overdue, dueSoon), 100);
        return Map.of("count", u.count(), "first", u.first().stream().map(this::card).toList());
    }

    /** The box of the placed enterprises under the filters: {@code {south, west, north, east}}, or {@code {}} when none. */
    @GetMapping("/extent")
    Map<String, Object> extent(@RequestParam(required = false) String division, @RequestParam(required = false) String category,
                               @RequestParam(required = false) String measure, @RequestParam(required = false) String state,
                               @RequestParam(required = false) String overdue, @RequestParam(required = false) String dueSoon) {
        return queries.extent(scope(), MapFilter.of(division, category, measure, state, overdue, dueSoon))
                .<Map<String, Object>>map(b -> Map.of("south", b[0], "west", b[1], "north", b[2], "east", b[3]))
                .orElse(Map.of());
    }

    /** The county outline of the caller's district (GeoJSON), 404 when none is shipped for it. */
    @GetMapping(value = "/outline", produces = "application/geo+json")
    ResponseEntity<String> outline() {
        return outlines.ofCountyOf(scope().division()).map(o -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/geo+json")).body(o))
                .orElseThrow(() -> new NotFoundException("未内置本区县的边界数据"));
    }

    /** The home page's weekly chart (found, closed out, rebounds, completion rate for the last 8 weeks), from history. */
    @GetMapping("/weekly")
    org.qingyuan.map.internal.Chart weekly() {
        return dashboards.weekly(scope());
    }

    @GetMapping("/layers")
    List<Layers.Layer> layers() {
        return layers.of(scope());
    }

    /**
     * Places an enterprise (an edit of the ledger with its version and reason).
     *
     * @param body {@code {"latitude", "longitude", "version", "reason"}}
     */
    @PostMapping("/enterprises/{id}/position")
    Map<String, Object> place(@PathVariable long id, @RequestBody PositionForm body) {
        int version = placement.place(id, body.version(), body.latitude(), body.longitude(), body.reason(), scope());
        return Map.of("id", id, "version", version);
    }

    /** What an officer sends to place an enterprise. */
    record PositionForm(Double latitude, Double longitude, Integer version, String reason) {
    }

    /** An enterprise's card with labels and links. */
    record Card(long id, String name, String village, String address, Double latitude, Double longitude, int version,
                String category, String measure, String measureLabel, String state, String stateLabel, LocalDate deadline,
                boolean overdue, String enterpriseHref, String caseHref) {
    }

    private Card card(MapCard c) {
        return new Card(c.id(), c.name(), village(c.divisionCode()), c.address(), c.latitude(), c.longitude(), c.version(),
                c.categoryLabel(), c.measure(), c.measure() == null ? null : MeasureKind.valueOf(c.measure()).label(),
                c.state(), c.state() == null ? null : CaseState.valueOf(c.state()).label(), c.deadline(), c.overdue(),
                "/enterprises/" + c.id(), c.caseId() == null ? null : "/cases/" + c.caseId());
    }

    private String village(String code) {
        try {
            return divisions.path(org.qingyuan.shared.DivisionCode.of(code)).stream()
                    .filter(d -> d.code().level().ordinal() >= org.qingyuan.shared.DivisionLevel.TOWN.ordinal())
                    .map(d -> org.qingyuan.region.Division.shortName(d.name())).reduce((a, b) -> a + " " + b).orElse(code);
        } catch (RuntimeException e) {
            return code;
        }
    }

    private static Scope scope() {
        return CurrentUsers.require().scope();
    }
}
