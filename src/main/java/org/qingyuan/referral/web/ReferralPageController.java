package org.qingyuan.referral.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Departments;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.referral.JointOperation;
import org.qingyuan.referral.Referral;
import org.qingyuan.referral.ReferralState;
import org.qingyuan.referral.Urgency;
import org.qingyuan.referral.internal.DepartmentService;
import org.qingyuan.referral.internal.OperationService;
import org.qingyuan.referral.internal.ReferralService;
import org.qingyuan.shared.ConflictException;
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

/** The pages of departments at work: duties, a department's queue, referrals and joint operations. */
@Controller
class ReferralPageController {

    private final org.springframework.beans.factory.ObjectProvider<org.qingyuan.referral.DepartmentWork> otherWork;

    private final DepartmentService duties;
    private final ReferralService referrals;
    private final OperationService operations;
    private final Departments departments;
    private final RouteAccess routes;

    ReferralPageController(DepartmentService duties, ReferralService referrals, OperationService operations, Departments departments,
                           RouteAccess routes,
                           org.springframework.beans.factory.ObjectProvider<org.qingyuan.referral.DepartmentWork> otherWork) {
        this.otherWork = otherWork;
        this.duties = duties;
        this.referrals = referrals;
        this.operations = operations;
        this.departments = departments;
        this.routes = routes;
    }

    @Bean
    static NavigationItem departmentQueueNavigation() {
        return new NavigationItem("部门联动", "本部门待办", "/departments/queue", 690);
    }

    @Bean
    static NavigationItem referralNavigation() {
        return new NavigationItem("部门联动", "移交职能部门", "/referrals", 695);
    }

    @Bean
    static NavigationItem operationNavigation() {
        return new NavigationItem("部门联动", "联合执法行动", "/operations", 715);
    }

    @Bean
    static NavigationItem departmentNavigation() {
        return new NavigationItem("部门联动", "部门职责", "/departments", 730);
    }

    // ---------------------------------------------------------------- departments

    @GetMapping("/departments")
    String departments(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("rows", duties.list(user));
        model.addAttribute("canEdit", user.role() == RoleCode.DISTRICT_OFFICE && routes.allows(user, "POST", "/departments/X/duties"));
        return "referral/departments";
    }

    @PostMapping("/departments/{code}/duties")
    String editDuties(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/departments#dept-" + code, () -> {
            var d = duties.editDuties(user, code, Forms.version(form.get("version")), form.get("duties"), form.get("source"));
            redirect.addFlashAttribute("message", "已保存" + d.name() + "的职责");
            return "/departments#dept-" + code;
        });
    }

    @GetMapping("/departments/queue")
    String queue(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("department", user.departmentCode() == null ? "" : departments.name(user.departmentCode()));
        model.addAttribute("referrals", referrals.list(user, true, null, false));
        model.addAttribute("parts", operations.pending(user));
        model.addAttribute("otherWork", otherWork.orderedStream().flatMap(w -> w.pending(user).stream()).toList());
        model.addAttribute("today", today());
        model.addAttribute("departmentNames", departmentNames());
        return "referral/queue";
    }

    // ---------------------------------------------------------------- referrals

    @GetMapping("/referrals")
    String referrals(@RequestParam(required = false) String state, @RequestParam(defaultValue = "false") boolean overdue, Model model) {
        CurrentUser user = CurrentUsers.require();
        ReferralState s = Forms.state(state);
        model.addAttribute("rows", referrals.list(user, false, s, overdue));
        model.addAttribute("state", s == null ? "" : s.name());
        model.addAttribute("overdue", overdue);
        model.addAttribute("states", ReferralState.values());
        model.addAttribute("today", today());
        model.addAttribute("departmentNames", departmentNames());
        model.addAttribute("canRefer", user.role() != RoleCode.DEPARTMENT_OFFICER && routes.allows(user, "GET", "/referrals/new"));
        return "referral/referrals";
    }

    @GetMapping("/referrals/new")
    String newReferral(@RequestParam(required = false) String enterpriseId, @RequestParam(required = false) String departmentCode, Model model) {
        model.addAttribute("departments", departments.all());
        model.addAttribute("enterpriseId", enterpriseId == null ? "" : enterpriseId);
        model.addAttribute("departmentCode", departmentCode == null ? "" : departmentCode);
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("normalDeadline", referrals.deadline(today(), Urgency.NORMAL));
        return "referral/new";
    }

    @PostMapping("/referrals")
    String refer(@RequestParam Map<String, String> form, @RequestParam(value = "files", required = false) List<MultipartFile> files,
                 RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            Referral r = referrals.create(user, new ReferralService.NewReferral(Forms.id(form.get("enterpriseId"), "enterpriseId", "企业编号"),
                    form.get("departmentCode"), form.get("problem"), form.get("legalBasis"), form.get("urgency"), Forms.files(files))).referral();
            redirect.addFlashAttribute("message", "已移交" + departments.name(r.departmentCode()) + "，办理期限 " + r.deadline());
            return "redirect:/referrals/" + r.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addAttribute("enterpriseId", form.getOrDefault("enterpriseId", ""));
            redirect.addAttribute("departmentCode", form.getOrDefault("departmentCode", ""));
            return "redirect:/referrals/new";
        }
    }

    @GetMapping("/referrals/{id}")
    String referral(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        ReferralService.ReferralView view = referrals.get(user, id);
        Referral r = view.referral();
        boolean department = user.role() == RoleCode.DEPARTMENT_OFFICER;
        model.addAttribute("view", view);
        model.addAttribute("r", r);
        model.addAttribute("today", today());
        model.addAttribute("canAccept", department && r.state() == ReferralState.SENT);
        model.addAttribute("canAnswer", department && r.state() == ReferralState.ACCEPTED);
        model.addAttribute("canConfirm", !department && r.state() == ReferralState.ANSWERED
                && routes.allows(user, "POST", "/referrals/" + id + "/confirmation"));
        return "referral/referral";
    }

    @PostMapping("/referrals/{id}/acceptance")
    String accept(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/referrals/" + id, () -> {
            referrals.accept(user, id, Forms.version(form.get("version")));
            redirect.addFlashAttribute("message", "已受理");
            return "/referrals/" + id;
        });
    }

    @PostMapping("/referrals/{id}/answer")
    String answer(@PathVariable long id, @RequestParam Map<String, String> form,
                  @RequestParam(value = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/referrals/" + id, () -> {
            referrals.answer(user, id, Forms.version(form.get("version")), form.get("answer"), Forms.files(files));
            redirect.addFlashAttribute("message", "已答复，等待移交单位确认");
            return "/referrals/" + id;
        });
    }

    @PostMapping("/referrals/{id}/confirmation")
    String confirm(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/referrals/" + id, () -> {
            referrals.confirm(user, id, Forms.version(form.get("version")));
            redirect.addFlashAttribute("message", "已确认办理结果");
            return "/referrals/" + id;
        });
    }

    @PostMapping("/referrals/{id}/return")
    String returnAnswer(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/referrals/" + id, () -> {
            referrals.returnAnswer(user, id, Forms.version(form.get("version")), form.get("reason"));
            redirect.addFlashAttribute("message", "已退回部门重新办理");
            return "/referrals/" + id;
        });
    }

    // ---------------------------------------------------------------- operations

    @GetMapping("/operations")
    String operations(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("rows", operations.list(user));
        model.addAttribute("departments", departments.all());
        model.addAttribute("departmentNames", departmentNames());
        model.addAttribute("canOrganise", user.role() == RoleCode.DISTRICT_OFFICE && routes.allows(user, "POST", "/operations"));
        model.addAttribute("today", today());
        return "referral/operations";
    }

    @PostMapping("/operations")
    String organise(@RequestParam Map<String, String> form, @RequestParam(value = "departments", required = false) List<String> others,
                    RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/operations", () -> {
            JointOperation o = operations.create(user, new OperationService.NewOperation(Forms.date(form.get("heldOn"), "heldOn", "行动日期"),
                    form.get("title"), form.get("leadDepartment"), others, Forms.ids(form.get("enterpriseIds")))).operation();
            redirect.addFlashAttribute("message", "已建立联合执法行动，已通知各参加部门");
            return "/operations/" + o.id();
        });
    }

    @GetMapping("/operations/{id}")
    String operation(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        OperationService.OperationView view = operations.get(user, id);
        JointOperation o = view.operation();
        String mine = user.role() == RoleCode.DEPARTMENT_OFFICER ? user.departmentCode() : null;
        model.addAttribute("view", view);
        model.addAttribute("o", o);
        model.addAttribute("mine", mine == null ? "" : mine);
        model.addAttribute("canRecord", mine != null && o.participants().contains(mine)
                && routes.allows(user, "POST", "/operations/" + id + "/parts"));
        model.addAttribute("departmentNames", departmentNames());
        return "referral/operation";
    }

    @PostMapping("/operations/{id}/parts")
    String part(@PathVariable long id, @RequestParam Map<String, String> form,
                @RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/operations/" + id, () -> {
            Long enterprise = Forms.id(form.get("enterpriseId"), "enterpriseId", "企业编号");
            if (enterprise == null) {
                throw new InvalidInputException("enterpriseId", "请选择企业");
            }
            var files = Forms.files(file == null ? List.of() : List.of(file));
            operations.recordPart(user, id, Forms.version(form.get("version")), enterprise, form.get("action"), form.get("outcome"),
                    files.isEmpty() ? null : files.get(0));
            redirect.addFlashAttribute("message", "已记录本部门执法情况");
            return "/operations/" + id;
        });
    }

    // ---------------------------------------------------------------- helpers

    /** Runs a form's command; a refusal goes back to the page with its message. */
    private static String act(RedirectAttributes redirect, String back, Supplier<String> command) {
        try {
            return "redirect:" + command.get();
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private Map<String, String> departmentNames() {
        Map<String, String> names = new LinkedHashMap<>();
        departments.all().forEach(d -> names.put(d.code(), d.name()));
        return names;
    }
}
