package org.qingyuan.organisation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.organisation.internal.LeadingGroupMember;
import org.qingyuan.organisation.internal.Organisation;
import org.qingyuan.organisation.internal.ReportingUnit;
import org.qingyuan.shared.ConflictException;
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

/** 组织机构: the leading group, its office and the reporting units' liaisons; a unit's liaison form. */
@Controller
@RequestMapping("/organisation")
class OrganisationPageController {

    private final Organisation organisation;
    private final RouteAccess routes;

    OrganisationPageController(Organisation organisation, RouteAccess routes) {
        this.organisation = organisation;
        this.routes = routes;
    }

    @Bean
    static NavigationItem organisationNavigation() {
        return new NavigationItem("基础数据", "组织机构", "/organisation", 905);
    }

    @GetMapping
    String show(Model model) {
        CurrentUser user = CurrentUsers.require();
        List<ReportingUnit> units = organisation.units(user);
        model.addAttribute("members", organisation.members(user));
        model.addAttribute("office", organisation.office(user));
        model.addAttribute("units", units);
        model.addAttribute("missing", units.stream().filter(u -> !u.hasLiaison()).count());
        model.addAttribute("roles", LeadingGroupMember.Role.values());
        model.addAttribute("canManage", routes.allows(user, "POST", "/organisation/members"));
        model.addAttribute("canEditLiaison", routes.allows(user, "POST", "/organisation/liaisons/unit"));
        return "organisation/index";
    }

    @GetMapping("/liaisons/{unit}")
    String liaisonForm(@PathVariable String unit, Model model) {
        ReportingUnit u = organisation.unit(CurrentUsers.require(), unit);
        Map<String, String> form = new LinkedHashMap<>();
        if (u.liaison() != null) {
            form.put("section", u.liaison().section());
            form.put("name", u.liaison().name());
            form.put("post", u.liaison().post());
            form.put("phone", u.liaison().phone());
        }
        form.put("version", Integer.toString(u.liaison() == null ? 0 : u.liaison().version()));
        return liaisonPage(model, u, form, List.of());
    }

    @PostMapping("/liaisons/{unit}")
    String saveLiaison(@PathVariable String unit, @RequestParam Map<String, String> form, Model model,
                       RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        try {
            organisation.saveLiaison(user, unit, version(form.get("version")), new Organisation.LiaisonInput(form.get("section"),
                    form.get("name"), form.get("post"), form.get("phone")));
            redirect.addFlashAttribute("saved", "已保存联络员");
            return "redirect:/organisation";
        } catch (ValidationException e) {
            return liaisonPage(model, organisation.unit(user, unit), form, e.errors());
        } catch (ConflictException e) {
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_CONFLICT);
            model.addAttribute("conflict", e.getMessage());
            return liaisonPage(model, organisation.unit(user, unit), form, List.of());
        }
    }

    @PostMapping("/members")
    String addMember(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return change(redirect, "已添加领导小组成员",
                () -> organisation.addMember(CurrentUsers.require(), member(form)));
    }

    @PostMapping("/members/{id}")
    String updateMember(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return change(redirect, "已保存领导小组成员",
                () -> organisation.updateMember(CurrentUsers.require(), id, version(form.getFirst("version")), member(form)));
    }

    @PostMapping("/members/{id}/removal")
    String removeMember(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return change(redirect, "已调出领导小组",
                () -> organisation.removeMember(CurrentUsers.require(), id, version(form.getFirst("version")), form.getFirst("reason")));
    }

    @PostMapping("/office")
    String saveOffice(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return change(redirect, "已保存领导小组办公室", () -> organisation.saveOffice(CurrentUsers.require(),
                version(form.getFirst("version")), form.getFirst("location"), form.getFirst("director"), form.getFirst("phone")));
    }

    private String liaisonPage(Model model, ReportingUnit unit, Map<String, String> form, List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "；" + b));
        model.addAttribute("unit", unit);
        model.addAttribute("form", form);
        model.addAttribute("errors", byField);
        if (!errors.isEmpty()) {
            // the shell answers 400 for a form shown again with an error
            model.addAttribute("error", "有 " + errors.size() + " 处需要修改");
        }
        return "organisation/liaison";
    }

    private static String change(RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", done);
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("failure", e instanceof ValidationException v
                    ? v.errors().stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse(e.getMessage())
                    : e.getMessage());
        }
        return "redirect:/organisation";
    }

    private static Organisation.MemberInput member(MultiValueMap<String, String> form) {
        return new Organisation.MemberInput(RequestValues.enumOf(LeadingGroupMember.Role.class, "role", form.getFirst("role")),
                form.getFirst("person"), form.getFirst("unit"), form.getFirst("post"));
    }

    private static int version(String raw) {
        return OrganisationApiController.version(RequestValues.blank(raw) ? null : RequestValues.nonNegative("version", raw, 0));
    }
}
