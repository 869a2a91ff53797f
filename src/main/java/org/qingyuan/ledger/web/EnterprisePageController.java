package org.qingyuan.ledger.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.EnterpriseQueryParameters;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.ledger.Registration;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.ledger.internal.EnterpriseHistory;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ledger pages: the list with filters, the enterprise page, its history, the create and edit forms, withdrawal and duplicates. */
@Controller
@RequestMapping("/enterprises")
class EnterprisePageController {

    private final Ledger ledger;
    private final EnterpriseHistory history;
    private final EnterpriseTabs tabs;
    private final DivisionOptions divisionOptions;
    private final java.time.Clock clock;

    private final ExternalFilters externalFilters;

    EnterprisePageController(Ledger ledger, EnterpriseHistory history, EnterpriseTabs tabs, DivisionOptions divisionOptions,
                             java.time.Clock clock, ExternalFilters externalFilters) {
        this.externalFilters = externalFilters;
        this.ledger = ledger;
        this.history = history;
        this.tabs = tabs;
        this.divisionOptions = divisionOptions;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam Map<String, String> params, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        Scope scope = scope();
        EnterpriseQuery query = externalFilters.apply(EnterpriseQueryParameters.list(params), params, scope);
        var page = ledger.search(query, scope);
        model.addAttribute("page", page);
        model.addAttribute("externalFilters", externalFilters.shown(scope));
        model.addAttribute("externalLabels", externalFilters.labels(page.items().stream().map(s -> s.id().value()).toList()));
        model.addAttribute("query", query);
        model.addAttribute("links", new ListLinks(params));
        model.addAttribute("divisionOptions", divisionOptions.within(scope.division()));
        return htmx != null && params.containsKey("fragment") ? "ledger/list :: results" : "ledger/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        EnterpriseForm form = new EnterpriseForm();
        CurrentUser user = CurrentUsers.require();
        if (user.division().level() == DivisionLevel.VILLAGE) {
            form.setDivisionCode(user.division().value());
        }
        form.setReportedOn(today().toString());
        form.setDiscovery(Discovery.PATROL.name());
        form.setType(EnterpriseType.SLW.name());
        return form(model, form, null, List.of());
    }

    @PostMapping
    String register(@ModelAttribute("form") EnterpriseForm form, Model model, RedirectAttributes redirect) {
        List<FieldError> errors = new ArrayList<>();
        EnterpriseDetails details = form.toDetails(Facts.NONE, today(), errors);
        try {
            throwIfAny(errors, details);
            Registration registration = ledger.register(details, form.getReason(), scope());
            redirect.addFlashAttribute("saved", "已登记");
            redirect.addFlashAttribute("warnings", registration.warnings());
            return "redirect:/enterprises/" + registration.id();
        } catch (ValidationException e) {
            return form(model, form, null, e.errors());
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Enterprise enterprise = ledger.get(EnterpriseId.of(id), scope());
        if (!enterprise.active()) {
            throw new ConflictException("该企业已撤销，不能再修改");
        }
        return form(model, EnterpriseForm.of(enterprise.details(), enterprise.version()), enterprise, List.of());
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute("form") EnterpriseForm form, Model model, RedirectAttributes redirect,
                jakarta.servlet.http.HttpServletResponse response) {
        Enterprise current = ledger.get(EnterpriseId.of(id), scope());
        List<FieldError> errors = new ArrayList<>();
        EnterpriseDetails details = form.toDetails(current.details().facts(), today(), errors);
        try {
            throwIfAny(errors, details);
            Registration registration = ledger.edit(EnterpriseId.of(id), form.getVersion(), details, form.getReason(), scope());
            redirect.addFlashAttribute("saved", registration.version() == form.getVersion() ? "没有改动" : "已保存");
            redirect.addFlashAttribute("warnings", registration.warnings());
            return "redirect:/enterprises/" + id;
        } catch (ValidationException e) {
            return form(model, form, current, e.errors());
        } catch (ConflictException e) {
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_CONFLICT);
            model.addAttribute("conflict", e.getMessage());
            model.addAttribute("conflictChanges", e.properties().get("changesSince"));
            Enterprise latest = ledger.get(EnterpriseId.of(id), scope());
            form.setVersion(latest.version());
            return form(model, form, latest, List.of());
        }
    }

    private String form(Model model, EnterpriseForm form, Enterprise enterprise, List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : errors) {
            byField.merge(e.field(), e.message(), (a, b) -> a + "；" + b);
        }
        model.addAttribute("form", form);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("errors", byField);
        model.addAttribute("errorList", errors);
        if (!errors.isEmpty()) {
            // the shell answers 400 for a form shown again with an error, so the audit records a refused input
            model.addAttribute("error", "有 " + errors.size() + " 处需要修改");
        }
        model.addAttribute("divisionOptions", divisionOptions.within(scope().division()));
        return "ledger/form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return tabs.tab(id, "facts", model);
    }

    @GetMapping("/{id}/history")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("versions", history.history(EnterpriseId.of(id), scope()));
        return tabs.tab(id, "history", model);
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam(required = false) String note,
                    @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        try {
            WithdrawalReason why = reason == null || reason.isBlank() ? null : WithdrawalReason.valueOf(reason);
            ledger.withdraw(EnterpriseId.of(id), version, why, note, scope());
            redirect.addFlashAttribute("saved", "已撤销，仍可查询");
        } catch (ValidationException | ConflictException | IllegalArgumentException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/enterprises/" + id;
    }

    @PostMapping("/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long duplicateId, @RequestParam(required = false) String reason,
                 RedirectAttributes redirect) {
        try {
            ledger.merge(EnterpriseId.of(id), EnterpriseId.of(duplicateId), reason, scope());
            redirect.addFlashAttribute("saved", "已将 #" + duplicateId + " 并入本企业，两条记录的变更记录都保留");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/enterprises/" + id;
    }

    @PostMapping("/{id}/distinct")
    String distinct(@PathVariable long id, @RequestParam long duplicateId, @RequestParam(required = false) String reason,
                    RedirectAttributes redirect) {
        ledger.confirmDistinct(EnterpriseId.of(id), EnterpriseId.of(duplicateId), reason, scope());
        redirect.addFlashAttribute("saved", "已确认与 #" + duplicateId + " 不是同一企业");
        return "redirect:/enterprises/" + id;
    }

    /** Form errors together with the ledger's own rules, one message per field. */
    private void throwIfAny(List<FieldError> formErrors, EnterpriseDetails details) {
        if (formErrors.isEmpty()) {
            return;
        }
        List<FieldError> all = new ArrayList<>(formErrors);
        for (FieldError e : ledger.validate(details, scope())) {
            if (all.stream().noneMatch(f -> f.field().equals(e.field()))) {
                all.add(e);
            }
        }
        throw new ValidationException(all);
    }

    private static Scope scope() {
        return EnterpriseTabs.scope();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
