package org.qingyuan.region.web;

import org.qingyuan.platform.Deployment;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages to browse the division tree and find a division by name. */
@Controller
@RequestMapping("/regions")
class RegionPageController {

    private final Divisions divisions;
    private final Deployment deployment;

    RegionPageController(Divisions divisions, Deployment deployment) {
        this.divisions = divisions;
        this.deployment = deployment;
    }

    @GetMapping
    String home(Model model) {
        return show(deployment.homeDistrict().value(), model);
    }

    @GetMapping("/{code}")
    String show(@PathVariable String code, Model model) {
        DivisionCode divisionCode = InvalidInputException.divisionCode("code", code);
        model.addAttribute("division", divisions.get(divisionCode));
        model.addAttribute("fullName", divisions.fullName(divisionCode));
        model.addAttribute("path", divisions.path(divisionCode));
        model.addAttribute("children", divisions.children(divisionCode));
        model.addAttribute("homeDistrict", deployment.homeDistrict().value());
        return "region/tree";
    }

    /** The children of one node, as a fragment that htmx puts under it. */
    @GetMapping("/{code}/children")
    String children(@PathVariable String code, Model model) {
        DivisionCode divisionCode = InvalidInputException.divisionCode("code", code);
        divisions.get(divisionCode);
        model.addAttribute("children", divisions.children(divisionCode));
        return "region/tree :: nodes";
    }

    @GetMapping("/search")
    String search(@RequestParam(value = "q", defaultValue = "") String query,
                  @RequestParam(value = "scope", defaultValue = "home") String scope,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        DivisionCode within = "all".equals(scope) ? null : deployment.homeDistrict();
        model.addAttribute("q", query);
        model.addAttribute("scope", scope);
        model.addAttribute("results", divisions.search(query, within, 100));
        model.addAttribute("fullName", divisions.fullName(deployment.homeDistrict()));
        return htmx != null ? "region/search :: results" : "region/search";
    }
}
