package org.qingyuan.complaint.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.complaint.Channel;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.ComplaintState;
import org.qingyuan.complaint.Reporter;
import org.qingyuan.complaint.ServiceKind;
import org.qingyuan.complaint.internal.ComplaintHandling;
import org.qingyuan.complaint.internal.ComplaintIntake;
import org.qingyuan.complaint.internal.Intake;
import org.qingyuan.complaint.internal.ReporterAccess;
import org.qingyuan.complaint.internal.Rewards;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officers' pages: the list, one complaint with its actions, recording a hotline call. Reporters are shown masked. */
@Controller
class ComplaintPageController {

    static final int PAGE = 50;

    private final ComplaintHandling handling;
    private final ComplaintIntake intake;
    private final ReporterAccess reporters;
    private final Rewards rewards;
    private final Divisions divisions;
    private final RouteAccess routes;

    ComplaintPageController(ComplaintHandling handling, ComplaintIntake intake, ReporterAccess reporters, Rewards rewards,
                            Divisions divisions, RouteAccess routes) {
        this.handling = handling;
        this.intake = intake;
        this.reporters = reporters;
        this.rewards = rewards;
        this.divisions = divisions;
        this.routes = routes;
    }

    @Bean
    static NavigationItem complaintNavigation() {
        return new NavigationItem("台账", "群众举报", "/complaints", 125);
    }

    @GetMapping("/complaints")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String overdue,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = CurrentUsers.require();
        ComplaintState s = org.qingyuan.shared.RequestValues.enumOf(ComplaintState.class, "state", state);
        boolean late = "1".equals(overdue);
        int p = Math.max(0, page);
        model.addAttribute("rows", handling.list(user.scope(), s, late, PAGE, p * PAGE));
        model.addAttribute("total", handling.count(user.scope(), s, late));
        model.addAttribute("page", p);
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("state", s == null ? "" : s.name());
        model.addAttribute("overdue", late);
        model.addAttribute("states", ComplaintState.values());
        model.addAttribute("today", handling.today());
        model.addAttribute("names", new DivisionNames(divisions));
        model.addAttribute("canRecord", routes.allows(user, "POST", "/complaints"));
        model.addAttribute("canImport", routes.allows(user, "POST", "/complaints/import"));
        return "complaint/list";
    }

    @GetMapping("/complaints/new")
    String hotlineForm(Model model) {
        model.addAttribute("services", ServiceKind.values());
        model.addAttribute("form", Map.of());
        return "complaint/new";
    }

    @PostMapping("/complaints")
    String record(@RequestParam Map<String, String> form, @RequestParam(value = "photo", required = false) List<MultipartFile> photos,
                  Model model, RedirectAttributes redirect) {
        try {
            ServiceKind service = ServiceKind.ofCode(form.get("service")).orElse(null);
            LocalDateTime calledAt = form.get("calledAt") == null || form.get("calledAt").isBlank() ? null
                    : LocalDateTime.parse(form.get("calledAt"));
            Complaint c = intake.receive(new Intake(Channel.HOTLINE, null, service, form.get("description"), form.get("address"),
                    Forms.coordinate(form.get("longitude"), "longitude"), Forms.coordinate(form.get("latitude"), "latitude"),
                    new Reporter(form.get("name"), form.get("phone"), form.get("idNumber")), Forms.photos(photos),
                    calledAt == null ? null : calledAt.atZone(ZoneId.of("Asia/Shanghai")).toInstant(), null, null));
            redirect.addFlashAttribute("message", "已登记电话举报，查询码 " + c.trackingCode() + "（请告知来电人）");
            return "redirect:/complaints/" + c.id();
        } catch (InvalidInputException | ConflictException | java.time.DateTimeException e) {
            model.addAttribute("error", e instanceof java.time.DateTimeException ? "来电时间格式不正确" : e.getMessage());
            model.addAttribute("services", ServiceKind.values());
            model.addAttribute("form", form);
            return "complaint/new";
        }
    }

    @GetMapping("/complaints/{id}")
    String show(@PathVariable long id, Model model) {
        return detail(id, null, model);
    }

    /** The full contact, after a reason: rendered into this response only (never into a redirect's flash in the session). */
    @PostMapping("/complaints/{id}/reporter")
    String unmask(@PathVariable long id, @RequestParam(required = false) String reason, Model model) {
        CurrentUser user = CurrentUsers.require();
        try {
            return detail(id, reporters.unmask(id, reason, user), model);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return detail(id, null, model);
        }
    }

    private String detail(long id, Reporter unmasked, Model model) {
        CurrentUser user = CurrentUsers.require();
        Complaint c = handling.get(id, user.scope());
        String base = "/complaints/" + id;
        model.addAttribute("c", c);
        model.addAttribute("reporter", unmasked != null ? unmasked : reporters.masked(c));
        model.addAttribute("unmasked", unmasked != null);
        model.addAttribute("steps", handling.timeline(c));
        model.addAttribute("photos", handling.photos(c, user.scope()));
        model.addAttribute("today", handling.today());
        model.addAttribute("divisionName", divisions.fullName(DivisionCode.of(c.divisionCode())));
        model.addAttribute("reward", rewards.of(id).orElse(null));
        model.addAttribute("canUnmask", c.hasContact() && routes.allows(user, "POST", base + "/reporter"));
        model.addAttribute("canTriage", c.state() == ComplaintState.RECEIVED || c.state() == ComplaintState.TRIAGED
                ? routes.allows(user, "POST", base + "/triage") : false);
        model.addAttribute("canAssign", c.state() == ComplaintState.TRIAGED && routes.allows(user, "POST", base + "/assignment"));
        boolean handle = routes.allows(user, "POST", base + "/verification");
        model.addAttribute("canVerify", handle && (c.state() == ComplaintState.ASSIGNED || c.state() == ComplaintState.VERIFIED));
        model.addAttribute("canDecide", handle && c.state() == ComplaintState.VERIFIED);
        model.addAttribute("canReply", handle && (c.state() == ComplaintState.FOUNDED || c.state() == ComplaintState.UNFOUNDED));
        model.addAttribute("canReward", Boolean.TRUE.equals(c.founded()) && routes.allows(user, "POST", base + "/reward"));
        model.addAttribute("options", c.state() == ComplaintState.RECEIVED || c.state() == ComplaintState.TRIAGED
                ? options(DivisionCode.of(c.districtCode())) : List.of());
        return "complaint/show";
    }

    @PostMapping("/complaints/{id}/triage")
    String triage(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, id, () -> {
            handling.triage(id, Forms.version(form.get("version")), form.get("divisionCode"), form.get("note"), user);
            return "已分办";
        });
    }

    @PostMapping("/complaints/{id}/assignment")
    String assign(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, id, () -> "已交办镇街，期限 " + handling.assign(id, Forms.version(form.get("version")), user).deadline());
    }

    @PostMapping("/complaints/{id}/verification")
    String verify(@PathVariable long id, @RequestParam Map<String, String> form,
                  @RequestParam(value = "photo", required = false) List<MultipartFile> photos, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, id, () -> {
            handling.verify(id, Forms.version(form.get("version")), Forms.coordinate(form.get("longitude"), "longitude"),
                    Forms.coordinate(form.get("latitude"), "latitude"), form.get("note"), Forms.photos(photos), user);
            return "已记录现场核查";
        });
    }

    @PostMapping("/complaints/{id}/founded")
    String found(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, id, () -> {
            Complaint c = handling.found(id, Forms.version(form.get("version")), Forms.id(form.get("enterpriseId"), "enterpriseId", "企业编号"),
                    form.get("note"), user);
            return c.leadId() != null ? "已认定属实，已报入线索 #" + c.leadId() : "已认定属实，已关联台账企业";
        });
    }

    @PostMapping("/complaints/{id}/unfounded")
    String unfound(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, id, () -> {
            handling.unfound(id, Forms.version(form.get("version")), form.get("reason"), user);
            return "已认定不属实";
        });
    }

    @PostMapping("/complaints/{id}/reply")
    String reply(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, id, () -> {
            handling.reply(id, Forms.version(form.get("version")), form.get("reply"), user);
            return "已答复举报人（举报人可凭查询码查看）";
        });
    }

    @PostMapping("/complaints/{id}/reward")
    String reward(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, id, () -> {
            BigDecimal amount;
            try {
                amount = new BigDecimal(form.getOrDefault("amount", "").strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("amount", "奖励金额应为数字");
            }
            rewards.decide(id, amount, form.get("decision"), user);
            return "已记录奖励决定";
        });
    }

    @PostMapping("/complaints/{id}/reward/payment")
    String pay(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, id, () -> {
            rewards.pay(id, Forms.version(form.get("version")), user);
            return "已记录奖励发放";
        });
    }

    private static String act(RedirectAttributes redirect, long id, Supplier<String> command) {
        try {
            redirect.addFlashAttribute("message", command.get());
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/complaints/" + id;
    }

    /** The towns of the district and their villages, for triage. */
    private List<Option> options(DivisionCode district) {
        List<Option> out = new ArrayList<>();
        for (Division town : divisions.children(district)) {
            out.add(new Option(town.code().value(), town.name(), true));
            for (Division village : divisions.children(town.code())) {
                out.add(new Option(village.code().value(), village.name(), false));
            }
        }
        return out;
    }

    record Option(String code, String label, boolean town) {
    }

    /** Division names for the list (cached per request). */
    static final class DivisionNames {
        private final Divisions divisions;
        private final Map<String, String> cache = new java.util.HashMap<>();

        DivisionNames(Divisions divisions) {
            this.divisions = divisions;
        }

        public String of(String code) {
            return cache.computeIfAbsent(code, k -> divisions.find(DivisionCode.of(k)).map(Division::name).orElse(k));
        }
    }
}
