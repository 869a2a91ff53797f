package org.qingyuan.patrol.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.patrol.Revisit;
import org.qingyuan.patrol.internal.Revisits;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.Cases;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.ValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 回头看: the revisits of the jurisdiction (due, coming due, overdue, done, cancelled), the plan's schedule, and a
 * town adding one; {@code GET/POST /api/v1/revisits}.
 */
@Controller
class RevisitController {

    private static final int LIMIT = 300;

    private final Revisits revisits;
    private final Cases cases;
    private final RouteAccess routes;

    RevisitController(Revisits revisits, Cases cases, RouteAccess routes) {
        this.revisits = revisits;
        this.cases = cases;
        this.routes = routes;
    }

    @Bean
    static NavigationItem revisitsNavigation() {
        return new NavigationItem("巡查", "回头看", "/revisits", 308);
    }

    record RevisitJson(long id, long caseId, long enterpriseId, String enterpriseName, String divisionCode, LocalDate closedOutOn,
                       int seq, LocalDate dueOn, String origin, String reason, String state, String stateName, boolean overdue,
                       Long checkInId, String finding, java.time.Instant doneAt, String doneBy, String cancelledWhy) {
    }

    record NewRevisitJson(Long enterpriseId, String dueOn, String reason) {
    }

    @GetMapping("/revisits")
    String list(@RequestParam(defaultValue = "DUE") String state, Model model) {
        CurrentUser user = CurrentUsers.require();
        List<RevisitJson> items = json(revisits.list(user.scope(), state, LIMIT), user);
        model.addAttribute("items", items);
        model.addAttribute("state", state);
        model.addAttribute("schedule", revisits.schedule());
        model.addAttribute("overdue", items.stream().filter(RevisitJson::overdue).count());
        model.addAttribute("canAdd", routes.allows(user, "POST", "/revisits"));
        return "patrol/revisits";
    }

    @PostMapping("/revisits")
    String add(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            Revisit r = revisits.add(CurrentUsers.require(), enterprise(form.get("enterpriseId")), day(form.get("dueOn")), form.get("reason"));
            redirect.addFlashAttribute("message", "已增加回头看：应于 " + r.dueOn() + " 前回访");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e instanceof ValidationException v
                    ? v.errors().stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse(e.getMessage()) : e.getMessage());
        }
        return "redirect:/revisits";
    }

    @GetMapping("/api/v1/revisits")
    @ResponseBody
    Map<String, Object> api(@RequestParam(defaultValue = "DUE") String state) {
        CurrentUser user = CurrentUsers.require();
        return Map.of("schedule", revisits.schedule(), "items", json(revisits.list(user.scope(), state, LIMIT), user));
    }

    @PostMapping("/api/v1/revisits")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    RevisitJson addApi(@RequestBody NewRevisitJson body) {
        CurrentUser user = CurrentUsers.require();
        if (body.enterpriseId() == null) {
            throw new InvalidInputException("enterpriseId", "请填写企业编号");
        }
        return json(List.of(revisits.add(user, body.enterpriseId(), day(body.dueOn()), body.reason())), user).get(0);
    }

    private List<RevisitJson> json(List<Revisit> list, CurrentUser user) {
        LocalDate today = revisits.today();
        Map<Long, String> names = new HashMap<>();
        return list.stream().map(r -> new RevisitJson(r.id(), r.caseId(), r.enterpriseId(),
                names.computeIfAbsent(r.enterpriseId(), e -> cases.ofEnterprise(e, user.scope()).map(CaseSummary::enterpriseName)
                        .orElse("企业 #" + e)), r.divisionCode(), r.closedOutOn(), r.seq(), r.dueOn(), r.origin(), r.reason(), r.state(),
                r.stateLabel(today), r.overdue(today), r.checkInId(), r.finding(), r.doneAt(), r.doneBy(), r.cancelledWhy())).toList();
    }

    private static long enterprise(String raw) {
        try {
            return Long.parseLong(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("enterpriseId", "请填写企业编号（企业页标题旁的 # 号）");
        }
    }

    private static LocalDate day(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("dueOn", "回访日期应为 yyyy-mm-dd，实际为“" + raw + "”");
        }
    }
}
