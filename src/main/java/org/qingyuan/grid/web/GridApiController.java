package org.qingyuan.grid.web;

import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.grid.Grid;
import org.qingyuan.grid.GridAssignment;
import org.qingyuan.grid.Grids;
import org.qingyuan.grid.internal.GridService;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The grids as JSON under {@code /api/v1/grids}: list and read within the caller's scope (a grid member sees his own
 * grids; any other grid is 404), create and change (with {@code version}: 409 when stale), the grid's enterprises and
 * their placement by hand. {@code boundary} is a GeoJSON Polygon or MultiPolygon (object or string), or null.
 */
@RestController
@RequestMapping("/api/v1/grids")
class GridApiController {

    private final GridService grids;
    private final Grids api;
    private final EnterpriseSites sites;

    GridApiController(GridService grids, Grids api, EnterpriseSites sites) {
        this.grids = grids;
        this.api = api;
        this.sites = sites;
    }

    record GridJson(long id, String villageCode, String villageName, String name, JsonNode boundary, List<String> members,
                    int enterprises, int version) {
    }

    record GridBody(String villageCode, String name, JsonNode boundary, List<String> members, Integer version) {
    }

    record EnterpriseJson(long id, String name, String divisionCode, String address, Double longitude, Double latitude,
                          String assignedBy, int assignmentVersion) {
    }

    record AssignBody(Integer version) {
    }

    @GetMapping
    List<GridJson> list(@RequestParam(required = false) String division) {
        CurrentUser user = CurrentUsers.require();
        return api.list(division, api.scopeOf(user)).stream().map(GridApiController::json).toList();
    }

    @GetMapping("/{id}")
    GridJson get(@PathVariable long id) {
        return json(api.get(id, api.scopeOf(CurrentUsers.require())));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    GridJson create(@RequestBody GridBody body) {
        return json(grids.create(CurrentUsers.require(), input(body, body.villageCode())));
    }

    @PutMapping("/{id}")
    GridJson update(@PathVariable long id, @RequestBody GridBody body) {
        return json(grids.update(CurrentUsers.require(), id, version(body.version()), input(body, null)));
    }

    @GetMapping("/{id}/enterprises")
    List<EnterpriseJson> enterprises(@PathVariable long id) {
        var scope = api.scopeOf(CurrentUsers.require());
        List<Long> ids = api.enterprisesIn(id, scope);
        Map<Long, GridAssignment> assignments = api.ofEnterprises(ids);
        return sites.sites(ids).values().stream()
                .map(s -> new EnterpriseJson(s.id(), s.name(), s.divisionCode(), s.address(), s.longitude(), s.latitude(),
                        assignments.get(s.id()).assignedBy().name(), assignments.get(s.id()).version()))
                .sorted(java.util.Comparator.comparing(EnterpriseJson::name)).toList();
    }

    @PutMapping("/{id}/enterprises/{enterpriseId}")
    GridAssignment assign(@PathVariable long id, @PathVariable long enterpriseId, @RequestBody AssignBody body) {
        return grids.assignByHand(CurrentUsers.require(), id, enterpriseId, version(body.version()));
    }

    static GridJson json(Grid g) {
        return new GridJson(g.id(), g.villageCode(), g.villageName(), g.name(),
                g.boundary() == null ? null : tools.jackson.databind.json.JsonMapper.builder().build().readTree(g.boundary()),
                g.members(), g.enterprises(), g.version());
    }

    private static GridService.GridInput input(GridBody body, String village) {
        String boundary = body.boundary() == null || body.boundary().isNull() ? null
                : body.boundary().isString() ? body.boundary().asString() : body.boundary().toString();
        return new GridService.GridInput(village, body.name(), boundary, body.members());
    }

    /** The version the change starts from: 0 for something not recorded yet. */
    static int version(Integer version) {
        if (version == null || version < 0) {
            throw new InvalidInputException("version", "缺少版本号（新建时为 0），请刷新后重试");
        }
        return version;
    }
}
