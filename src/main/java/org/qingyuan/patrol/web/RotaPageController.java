package org.qingyuan.patrol.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.patrol.internal.NightRota;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.RequestValues;
import org.qingyuan.shared.ValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 夜查排班: the towns' night-patrol rota for the coming weeks, the form to plan a night, and starting the night patrol. */
@Controller
@RequestMapping("/patrols/rota")
class RotaPageController {

    private final NightRota rota;
    private final Divisions divisions;
    private final RouteAccess routes;
    private final Clock clock;

    RotaPageController(NightRota rota, Divisions divisions, RouteAccess routes, Clock clock) {
        this.rota = rota;
        this.divisions = divisions;
        this.routes = routes;
        this.clock = clock;
    }

    @Bean
    static NavigationItem rotaNavigation() {
        return new NavigationItem("巡查", "夜查排班", "/patrols/rota", 315);
    }

    @GetMapping
    String show(@RequestParam(required = false) String town, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        model.addAttribute("entries", rota.between(user, RequestValues.text(town), today.minusDays(7), today.plusDays(31)));
        model.addAttribute("today", today);
        List<Division> towns = towns(user);
        model.addAttribute("towns", towns);
        Map<String, String> townNames = new java.util.HashMap<>();
        towns.forEach(t -> townNames.put(t.code().value(), t.name()));
        model.addAttribute("townNames", townNames);
        model.addAttribute("canPlan", routes.allows(user, "POST", "/patrols/rota"));
        model.addAttribute("canRecord", routes.allows(user, "POST", "/patrols/start"));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("night", today.toString(), "version", "0"));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "patrol/rota";
    }

    @PostMapping
    String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            rota.save(CurrentUsers.require(), RequestValues.nonNegative("version", form.get("version"), 0),
                    new NightRota.RotaInput(form.get("townCode"), RequestValues.date("night", form.get("night")), form.get("leader"),
                            List.of(form.getOrDefault("members", "")), form.get("note")));
            redirect.addFlashAttribute("message", "已保存 " + form.get("night") + " 的夜查排班");
        } catch (ValidationException e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
            redirect.addFlashAttribute("errors", errors);
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("error", "排班未保存，请修改标红的项目");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/patrols/rota";
    }

    private List<Division> towns(CurrentUser user) {
        List<Division> towns = new ArrayList<>();
        if (user.division().level() == DivisionLevel.TOWN) {
            divisions.find(user.division()).ifPresent(towns::add);
        } else if (user.division().level().ordinal() < DivisionLevel.TOWN.ordinal()) {
            towns.addAll(divisions.children(user.division()));
        }
        return towns;
    }
}
