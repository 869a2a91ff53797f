package org.qingyuan.grid.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.access.Scope;
import org.qingyuan.grid.Grid;
import org.qingyuan.grid.GridAssignment;
import org.qingyuan.grid.Grids;
import org.qingyuan.grid.internal.GridService;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.RequestValues;
import org.qingyuan.shared.ValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** 网格: the grids of the jurisdiction, one grid with its members and enterprises, the grid form. */
@Controller
@RequestMapping("/grids")
class GridPageController {

    private final GridService grids;
    private final Grids api;
    private final EnterpriseSites sites;
    private final Divisions divisions;
    private final RouteAccess routes;

    GridPageController(GridService grids, Grids api, EnterpriseSites sites, Divisions divisions, RouteAccess routes) {
        this.grids = grids;
        this.api = api;
        this.sites = sites;
        this.divisions = divisions;
        this.routes = routes;
    }

    @Bean
    static NavigationItem gridNavigation() {
        return new NavigationItem("巡查", "网格", "/grids", 310);
    }

    record EnterpriseRow(long id, String name, String address, String assignedBy, boolean located) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String division, Model model) {
        CurrentUser user = CurrentUsers.require();
        Scope scope = api.scopeOf(user);
        if (division != null && !division.isBlank()) {
            DivisionCode code = InvalidInputException.divisionCode("division", division);
            if (!scope.covers(code)) {
                throw new org.qingyuan.shared.NotFoundException("该区划不在您的辖区内");
            }
        }
        model.addAttribute("grids", api.list(RequestValues.text(division), scope));
        model.addAttribute("division", RequestValues.text(division));
        model.addAttribute("canManage", routes.allows(user, "POST", "/grids/new"));
        return "grid/index";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Scope scope = api.scopeOf(user);
        Grid grid = api.get(id, scope);
        List<Long> ids = api.enterprisesIn(id, scope);
        Map<Long, GridAssignment> assignments = api.ofEnterprises(ids);
        List<EnterpriseRow> rows = sites.sites(ids).values().stream()
                .map(s -> new EnterpriseRow(s.id(), s.name(), s.address(), assignments.get(s.id()).assignedBy().label(),
                        s.latitude() != null && s.longitude() != null))
                .sorted(Comparator.comparing(EnterpriseRow::name)).toList();
        model.addAttribute("grid", grid);
        model.addAttribute("enterprises", rows);
        model.addAttribute("canManage", routes.allows(user, "POST", "/grids/" + id));
        return "grid/grid";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) String village, Model model) {
        return form(model, null, Map.of("villageCode", village == null ? "" : village, "version", "0"), Map.of());
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Grid g = api.get(id, CurrentUsers.require().scope());
        return form(model, g, Map.of("villageCode", g.villageCode(), "name", g.name(), "boundary", g.boundary() == null ? "" : g.boundary(),
                "version", Integer.toString(g.version())), Map.of());
    }

    @PostMapping("/new")
    String create(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Grid g = grids.create(CurrentUsers.require(), input(form));
            redirect.addFlashAttribute("message", "已创建网格“" + g.name() + "”");
            return "redirect:/grids/" + g.id();
        } catch (ValidationException e) {
            return form(model, null, form.toSingleValueMap(), errors(e.errors()));
        }
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        Grid current = api.get(id, user.scope());
        try {
            int version = GridApiController.version(RequestValues.nonNegative("version", form.getFirst("version"), -1));
            grids.update(user, id, version, input(form));
            redirect.addFlashAttribute("message", "已保存网格");
            return "redirect:/grids/" + id;
        } catch (ValidationException e) {
            return form(model, current, form.toSingleValueMap(), errors(e.errors()));
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("error", e.getMessage());
            return form(model, current, form.toSingleValueMap(), Map.of());
        }
    }

    @PostMapping("/{id}/enterprises")
    String assign(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            long enterpriseId = RequestValues.nonNegative("enterpriseId", form.get("enterpriseId"), 0);
            int version = api.ofEnterprise(enterpriseId).map(GridAssignment::version).orElse(0);
            grids.assignByHand(CurrentUsers.require(), id, enterpriseId, version);
            redirect.addFlashAttribute("message", "已将企业 #" + enterpriseId + " 划入本网格");
        } catch (InvalidInputException | ConflictException | org.qingyuan.shared.NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/grids/" + id;
    }

    private String form(Model model, Grid grid, Map<String, String> values, Map<String, String> errors) {
        CurrentUser user = CurrentUsers.require();
        String village = values.getOrDefault("villageCode", "");
        List<Division> villages = new ArrayList<>();
        DivisionCode home = user.division();
        if (home.level() == DivisionLevel.VILLAGE) {
            divisions.find(home).ifPresent(villages::add);
        } else {
            List<Division> towns = home.level() == DivisionLevel.TOWN ? divisions.find(home).stream().toList() : divisions.children(home);
            towns.forEach(t -> villages.addAll(divisions.children(t.code())));
        }
        model.addAttribute("grid", grid);
        model.addAttribute("villages", villages);
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("candidates", DivisionCode.isValid(village) ? grids.candidateMembers(village) : List.of());
        model.addAttribute("selected", grid == null ? List.of() : grid.members());
        return "grid/form";
    }

    private static GridService.GridInput input(MultiValueMap<String, String> form) {
        return new GridService.GridInput(form.getFirst("villageCode"), form.getFirst("name"), form.getFirst("boundary"),
                form.getOrDefault("members", List.of()));
    }

    private static Map<String, String> errors(List<FieldError> errors) {
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "；" + b));
        return byField;
    }
}
