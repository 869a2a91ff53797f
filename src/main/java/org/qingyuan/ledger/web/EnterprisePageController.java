package org.qingyuan.ledger.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.shared.RequestValues;
import org.qingyuan.ledger.EnterpriseQueryParameters;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EquipmentDisposal;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceKind;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.Classifications;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseClassification;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.springframework.util.MultiValueMap;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.DeclaredFact;
import org.qingyuan.ledger.DeclaredFacts;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.IndustryGroup;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.ledger.Premises;
import org.qingyuan.ledger.Registration;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.ledger.internal.DivisionNames;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.ValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ledger pages: the list with filters, the enterprise with its tabs, the create and edit forms. */
@Controller
@RequestMapping("/enterprises")
class EnterprisePageController {

    private final Ledger ledger;
    private final Dossier dossier;
    private final DivisionNames names;
    private final DivisionOptions divisionOptions;
    private final org.qingyuan.access.RouteAccess routes;
    private final Classifications classifications;
    private final Policies policies;
    private final List<org.qingyuan.ledger.EnterpriseLinks> links;
    private final DeclaredFacts declaredFacts;
    private final java.time.Clock clock;

    EnterprisePageController(Ledger ledger, Dossier dossier, DivisionNames names, DivisionOptions divisionOptions,
                             org.qingyuan.access.RouteAccess routes, Classifications classifications, Policies policies,
                             List<org.qingyuan.ledger.EnterpriseLinks> links, DeclaredFacts declaredFacts,
                             java.time.Clock clock) {
        this.clock = clock;
        this.links = links;
        this.declaredFacts = declaredFacts;
        this.classifications = classifications;
        this.policies = policies;
        this.ledger = ledger;
        this.dossier = dossier;
        this.names = names;
        this.divisionOptions = divisionOptions;
        this.routes = routes;
    }

    @Bean
    static NavigationItem ledgerNavigation() {
        return new NavigationItem("台账", "企业台账", "/enterprises", 100);
    }

    @Bean
    static NavigationItem ledgerRegisterNavigation() {
        return new NavigationItem("台账", "登记企业", "/enterprises/new", 110);
    }

    @ModelAttribute
    void labels(Model model) {
        model.addAttribute("types", EnterpriseType.values());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("industryGroups", IndustryGroup.values());
        model.addAttribute("discoveries", Discovery.values());
        model.addAttribute("premisesValues", Premises.values());
        model.addAttribute("factList", Fact.values());
        // the active plan's own facts: fields of the form after the eleven, with the plan's Chinese labels
        model.addAttribute("declaredFactList", declaredFacts.active());
        model.addAttribute("declaringPolicy", policies.active().map(p -> p.info().title()).orElse(null));
        model.addAttribute("factSources", FactSource.values());
        model.addAttribute("withdrawalReasons", WithdrawalReason.values());
        model.addAttribute("categories", EvidenceCategory.values());
        model.addAttribute("disposals", EquipmentDisposal.values());
        model.addAttribute("names", names);
        // buttons for changes only where the route table lets the user make them
        model.addAttribute("canEdit", CurrentUsers.current().map(u -> routes.allows(u, "POST", "/enterprises")).orElse(false));
        model.addAttribute("canClassify", CurrentUsers.current()
                .map(u -> routes.allows(u, "POST", "/enterprises/1/classification/override")).orElse(false));
        model.addAttribute("canSetNoticeDate", CurrentUsers.current()
                .map(u -> routes.allows(u, "POST", "/enterprises/1/classification/notice-date")).orElse(false));
    }

    @GetMapping
    String list(@RequestParam Map<String, String> params, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        EnterpriseQuery query = EnterpriseQueryParameters.list(params);
        Scope scope = scope();
        model.addAttribute("page", ledger.search(query, scope));
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
        return tab(id, "facts", model);
    }

    @GetMapping("/{id}/dossier")
    String dossier(@PathVariable long id, Model model) {
        List<Attachment> attachments = dossier.attachments(EvidenceOwner.enterprise(id), scope());
        model.addAttribute("photos", attachments.stream().filter(a -> a.kind() == EvidenceKind.PHOTO).toList());
        model.addAttribute("others", attachments.stream().filter(a -> a.kind() != EvidenceKind.PHOTO).toList());
        model.addAttribute("equipment", dossier.equipment(EvidenceOwner.enterprise(id), scope()));
        return tab(id, "dossier", model);
    }

    @GetMapping("/{id}/history")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("versions", ledger.history(EnterpriseId.of(id), scope()));
        return tab(id, "history", model);
    }

    @GetMapping("/{id}/classification")
    String classification(@PathVariable long id, Model model) {
        EnterpriseId enterpriseId = EnterpriseId.of(id);
        EnterpriseClassification cls = classifications.current(enterpriseId, scope());
        model.addAttribute("history", classifications.history(enterpriseId, scope()));
        model.addAttribute("decisions", classifications.overrides(enterpriseId, scope()));
        Policy active = policies.active().orElse(null);
        model.addAttribute("activePolicy", active);
        model.addAttribute("zones", active == null ? List.of() : active.zones());
        model.addAttribute("measureKinds", MeasureKind.values());
        model.addAttribute("deadlineKinds", DeadlineKind.values());
        model.addAttribute("explanationLines", cls.applies() == null || cls.applies().computed().explanation() == null ? List.of()
                : List.of(cls.applies().computed().explanation().split("\n")));
        return tab(id, "classification", model, cls);
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
            redirect.addFlashAttribute("failure", e instanceof ValidationException v
                    ? v.errors().stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse(e.getMessage())
                    : e.getMessage());
        }
        return "redirect:/enterprises/" + id + "/classification";
    }

    /** The active plan's own facts and those recorded on the enterprise under another plan. */
    private List<DeclaredFact> declaredFactsOf(Facts facts) {
        List<DeclaredFact> shown = new ArrayList<>(declaredFacts.active());
        for (String name : facts.declared().keySet()) {
            if (shown.stream().noneMatch(f -> f.name().equals(name))) {
                shown.add(declaredFacts.find(name).orElse(new DeclaredFact(name, name, null, "是", "否")));
            }
        }
        return shown;
    }

    private static int version(MultiValueMap<String, String> form) {
        try {
            return Integer.parseInt(form.getFirst("version"));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("version", "缺少版本号，请刷新页面后重试");
        }
    }

    private String tab(long id, String tab, Model model) {
        return tab(id, tab, model, classifications.current(EnterpriseId.of(id), scope()));
    }

    private String tab(long id, String tab, Model model, EnterpriseClassification cls) {
        model.addAttribute("cls", cls);
        EnterpriseId enterpriseId = EnterpriseId.of(id);
        Enterprise enterprise = ledger.get(enterpriseId, scope());
        model.addAttribute("e", enterprise);
        model.addAttribute("d", enterprise.details());
        model.addAttribute("declaredFactList", declaredFactsOf(enterprise.details().facts()));
        model.addAttribute("duplicates", ledger.openDuplicates(enterpriseId, scope()));
        model.addAttribute("related", links.stream().flatMap(l -> l.linksFor(enterpriseId, scope()).stream()).toList());
        model.addAttribute("tab", tab);
        model.addAttribute("distance", new Distances(enterprise.details().place()));
        return "ledger/show";
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

    @PostMapping("/{id}/attachments")
    String upload(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(required = false) String category, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        Enterprise enterprise = ledger.get(EnterpriseId.of(id), scope());
        try {
            Attachment a = Uploads.attach(dossier, enterprise, file, category, note);
            redirect.addFlashAttribute("saved", "已上传“" + a.fileName() + "”");
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("failure", e instanceof ValidationException v
                    ? v.errors().stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse(e.getMessage())
                    : e.getMessage());
        }
        return "redirect:/enterprises/" + id + "/dossier";
    }

    @PostMapping("/{id}/equipment")
    String equipment(@PathVariable long id, @RequestParam(required = false) String name,
                     @RequestParam(required = false) String model, @RequestParam(required = false) String quantity,
                     @RequestParam(required = false) String disposal, @RequestParam(required = false) String note,
                     RedirectAttributes redirect) {
        Enterprise enterprise = ledger.get(EnterpriseId.of(id), scope());
        try {
            int count;
            try {
                count = Integer.parseInt(quantity == null ? "" : quantity.strip());
            } catch (NumberFormatException e) {
                count = 0;
            }
            EquipmentDisposal how = disposal == null || disposal.isBlank() ? null : EquipmentDisposal.valueOf(disposal);
            dossier.recordEquipment(EvidenceOwner.enterprise(id), enterprise.details().division(), name, model, count, how, note);
            redirect.addFlashAttribute("saved", "已记录拆除设备“" + name + "”");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("failure", e.errors().stream().map(FieldError::message)
                    .reduce((a, b) -> a + "；" + b).orElse(e.getMessage()));
        }
        return "redirect:/enterprises/" + id + "/dossier";
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
        return CurrentUsers.require().scope();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
