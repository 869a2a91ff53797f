package org.qingyuan.ledger.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.qingyuan.shared.RequestValues;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Classifications;
import org.qingyuan.ledger.EnterpriseClassification;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.springframework.util.MultiValueMap;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.internal.ClassificationHistory;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The classification tab of an enterprise and its changes: 一企一策, zone and notice date. */
@Controller
@RequestMapping("/enterprises")
class ClassificationPageController {

    private final EnterpriseTabs tabs;
    private final Classifications classifications;
    private final ClassificationHistory classificationHistory;
    private final Policies policies;

    ClassificationPageController(EnterpriseTabs tabs, Classifications classifications, ClassificationHistory classificationHistory,
                                 Policies policies) {
        this.tabs = tabs;
        this.classifications = classifications;
        this.classificationHistory = classificationHistory;
        this.policies = policies;
    }

    @GetMapping("/{id}/classification")
    String classification(@PathVariable long id, Model model) {
        EnterpriseId enterpriseId = EnterpriseId.of(id);
        EnterpriseClassification cls = classifications.current(enterpriseId, scope());
        model.addAttribute("history", classificationHistory.history(enterpriseId, scope()));
        model.addAttribute("decisions", classificationHistory.overrides(enterpriseId, scope()));
        Policy active = policies.active().orElse(null);
        model.addAttribute("activePolicy", active);
        model.addAttribute("zones", active == null ? List.of() : active.zones());
        model.addAttribute("measureKinds", MeasureKind.values());
        model.addAttribute("deadlineKinds", DeadlineKind.values());
        model.addAttribute("explanationLines", cls.applies() == null || cls.applies().computed().explanation() == null ? List.of()
                : List.of(cls.applies().computed().explanation().split("\n")));
        return tabs.tab(id, "classification", model, cls);
    }

    @PostMapping("/{id}/classification/override")
    String override(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return change(id, redirect, "已保存一企一策调整", () -> {
            Map<DeadlineKind, LocalDate> deadlines = new java.util.EnumMap<>(DeadlineKind.class);
            for (DeadlineKind kind : DeadlineKind.values()) {
                LocalDate date = RequestValues.date("deadlines." + kind.name(), form.getFirst("deadline_" + kind.name()));
                if (date != null) {
                    deadlines.put(kind, date);
                }
            }
            String extraKind = form.getFirst("extraKind");
            LocalDate extraDate = RequestValues.date("extraDate", form.getFirst("extraDate"));
            if (extraKind != null && !extraKind.isBlank() && extraDate != null) {
                deadlines.put(ClassificationApiController.deadlineKind("extraKind", extraKind), extraDate);
            }
            String kind = form.getFirst("measureKind");
            classifications.override(EnterpriseId.of(id), version(form), ClassificationApiController.measureKind(
                    kind == null || kind.isBlank() ? null : kind), form.getFirst("measureLabel"), deadlines, form.getFirst("reason"),
                    scope());
        });
    }

    @PostMapping("/{id}/classification/override/clear")
    String clearOverride(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return change(id, redirect, "已撤销一企一策调整，按计算结果执行",
                () -> classifications.clearOverride(EnterpriseId.of(id), version(form), form.getFirst("reason"), scope()));
    }

    @PostMapping("/{id}/classification/zone")
    String zone(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return change(id, redirect, "已调整区域并重新分类",
                () -> classifications.setZone(EnterpriseId.of(id), version(form), form.getFirst("zone"), form.getFirst("reason"),
                        scope()));
    }

    @PostMapping("/{id}/classification/notice-date")
    String noticeDate(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return change(id, redirect, "已保存告知日期，期限已重新计算",
                () -> classifications.setNoticeDate(EnterpriseId.of(id), version(form),
                        RequestValues.date("noticeDate", form.getFirst("noticeDate")), form.getFirst("reason"), scope()));
    }

    private String change(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", done);
        } catch (InvalidInputException | ConflictException e) {
            EnterpriseTabs.failure(redirect, e);
        }
        return "redirect:/enterprises/" + id + "/classification";
    }

    private static int version(MultiValueMap<String, String> form) {
        try {
            return Integer.parseInt(form.getFirst("version"));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("version", "缺少版本号，请刷新页面后重试");
        }
    }

    private static Scope scope() {
        return EnterpriseTabs.scope();
    }
}
