package org.qingyuan.patrol.web;

import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.grid.Grids;
import org.qingyuan.patrol.CheckIn;
import org.qingyuan.patrol.Finding;
import org.qingyuan.patrol.Patrol;
import org.qingyuan.patrol.PatrolKind;
import org.qingyuan.patrol.internal.DailyList;
import org.qingyuan.patrol.internal.PatrolService;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.RequestValues;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The patrol pages, built for a 375 px phone: 今日巡查 (the grid member's list, start and end), the check-in with camera
 * and position, the finding, one check-in with its photos and held scene, one patrol, and the recent patrols.
 */
@Controller
@RequestMapping("/patrols")
class PatrolPageController {

    private final PatrolService patrols;
    private final DailyList daily;
    private final Grids grids;
    private final RouteAccess routes;
    private final org.qingyuan.access.UserNames userNames;
    private final org.qingyuan.rectification.CaseLists caseLists;
    private final org.qingyuan.patrol.internal.Revisits revisits;

    PatrolPageController(PatrolService patrols, DailyList daily, Grids grids, RouteAccess routes,
                         org.qingyuan.access.UserNames userNames, org.qingyuan.rectification.CaseLists caseLists,
                         org.qingyuan.patrol.internal.Revisits revisits) {
        this.revisits = revisits;
        this.caseLists = caseLists;
        this.userNames = userNames;
        this.patrols = patrols;
        this.daily = daily;
        this.grids = grids;
        this.routes = routes;
    }

    @Bean
    static NavigationItem patrolTodayNavigation() {
        return new NavigationItem("巡查", "今日巡查", "/patrols/today", 300);
    }

    @Bean
    static NavigationItem patrolNavigation() {
        return new NavigationItem("巡查", "巡查记录", "/patrols", 305);
    }

    @GetMapping
    String recent(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("patrols", patrols.recent(user, 14));
        model.addAttribute("scenes", patrols.scenesHeld(user));
        model.addAttribute("canRecord", routes.allows(user, "GET", "/patrols/today"));
        return "patrol/index";
    }

    /** The service worker of the grid member's pages, served under /patrols/ so that it controls them. */
    @GetMapping(value = "/sw.js", produces = "text/javascript;charset=UTF-8")
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<String> serviceWorker() throws java.io.IOException {
        String script = new String(new org.springframework.core.io.ClassPathResource("patrol/sw.js").getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        return org.springframework.http.ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noCache()).body(script);
    }

    @GetMapping("/today")
    String today(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("lists", daily.today(user));
        model.addAttribute("underWay", patrols.underWay(user, PatrolKind.DAY).orElse(null));
        model.addAttribute("scenes", patrols.scenesHeld(user));
        return "patrol/today";
    }

    @PostMapping("/start")
    String start(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            PatrolKind kind = RequestValues.enumOf(PatrolKind.class, "kind", form.getOrDefault("kind", "DAY"));
            List<String> people = RequestValues.blank(form.get("participants")) ? null
                    : List.of(form.get("participants").split("[,，、\\s]+"));
            Patrol p = patrols.start(user, new PatrolService.StartCommand(kind, PatrolApiController.id("gridId", form.get("gridId")),
                    form.get("divisionCode"), PatrolApiController.id("rotaId", form.get("rotaId")), form.get("leader"), people));
            redirect.addFlashAttribute("message", p.kind().label() + "已开始");
            return kind == PatrolKind.DAY ? "redirect:/patrols/today" : "redirect:/patrols/" + p.id();
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return kind(form) == PatrolKind.NIGHT ? "redirect:/patrols/rota" : "redirect:/patrols/today";
        }
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            Patrol p = patrols.end(CurrentUsers.require(), id, RequestValues.nonNegative("version", form.get("version"), 0));
            redirect.addFlashAttribute("message", p.kind().label() + "已结束");
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/patrols/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Patrol patrol = patrols.get(id, user);
        model.addAttribute("patrol", patrol);
        model.addAttribute("checkIns", patrols.checkIns(id, user));
        // a night patrol's round: the closed-out sites of the town, where a rebound would show
        model.addAttribute("closedSites", patrol.kind() == PatrolKind.NIGHT && patrol.underWay()
                ? caseLists.search(new org.qingyuan.rectification.CaseQuery(patrol.divisionCode(), null,
                        org.qingyuan.rectification.CaseState.CLOSED_OUT, null, null, null, 0, 100), user.scope()).items()
                : List.of());
        model.addAttribute("canRecord", routes.allows(user, "POST", "/patrols/" + id + "/check-in"));
        return "patrol/patrol";
    }

    @GetMapping("/{id}/check-in")
    String checkInForm(@PathVariable long id, @RequestParam(required = false) Long enterprise, Model model) {
        CurrentUser user = CurrentUsers.require();
        Patrol patrol = patrols.get(id, user);
        return form(model, user, patrol, enterprise, Map.of(), null);
    }

    @PostMapping("/{id}/check-in")
    String checkIn(@PathVariable long id, @RequestParam Map<String, String> form,
                   @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        Patrol patrol = patrols.get(id, user);
        Long enterprise = null;
        try {
            enterprise = PatrolApiController.id("enterpriseId", form.get("enterpriseId"));
            CheckIn c = patrols.checkIn(user, id, PatrolApiController.command(form.get("enterpriseId"), form.get("latitude"),
                    form.get("longitude"), form.get("accuracy"), form.get("finding"), form.get("note"), photos));
            redirect.addFlashAttribute("message", c.finding() == Finding.REBOUND
                    ? "已报告反弹：整治任务已重新打开，已通知镇主要领导、派出所和区办，请控制现场，等待执法人员到达"
                    : c.flagged() ? "已打卡，但需核实：" + String.join("；", c.flags()) : "已打卡");
            return "redirect:/patrols/check-ins/" + c.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, user, patrol, enterprise, Map.of(e.field() == null ? "form" : e.field(), e.getMessage()), form);
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("error", e.getMessage());
            return form(model, user, patrol, enterprise, Map.of(), form);
        }
    }

    @GetMapping("/check-ins/{id}")
    String showCheckIn(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        CheckIn c = patrols.checkIn(id, user);
        model.addAttribute("checkIn", c);
        model.addAttribute("revisit", revisits.byCheckIn(id).orElse(null));
        var people = new java.util.ArrayList<>(c.alerted());
        people.add(c.recordedBy());
        model.addAttribute("names", userNames.displayNames(people));
        model.addAttribute("patrol", patrols.get(c.patrolId(), user));
        model.addAttribute("canRecord", routes.allows(user, "POST", "/patrols/check-ins/" + id + "/enforcement"));
        return "patrol/check-in-view";
    }

    @PostMapping("/check-ins/{id}/enforcement")
    String enforcement(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            patrols.enforcementArrived(CurrentUsers.require(), id, RequestValues.nonNegative("version", form.get("version"), 0),
                    form.get("note"));
            redirect.addFlashAttribute("message", "已记录执法人员到场，现场控制结束");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/patrols/check-ins/" + id;
    }

    private String form(Model model, CurrentUser user, Patrol patrol, Long enterprise, Map<String, String> errors,
                        Map<String, String> values) {
        // an enterprise outside the caller's grids is "not found" (404)
        String enterpriseName = enterprise == null ? null : patrols.site(enterprise, grids.scopeOf(user)).name();
        model.addAttribute("patrol", patrol);
        model.addAttribute("enterpriseId", enterprise);
        model.addAttribute("enterpriseName", enterpriseName);
        model.addAttribute("findings", Finding.values());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values == null ? Map.of() : values);
        return "patrol/check-in";
    }

    private static PatrolKind kind(Map<String, String> form) {
        return "NIGHT".equals(form.get("kind")) ? PatrolKind.NIGHT : PatrolKind.DAY;
    }
}
