package org.qingyuan.ledger.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.EnterpriseQueryParameters;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Classifications;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseSummary;
import org.qingyuan.ledger.internal.EnterpriseVersion;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.shared.Page;
import org.qingyuan.ledger.Registration;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.ledger.internal.DivisionNames;
import org.qingyuan.ledger.internal.EnterpriseHistory;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.ValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The ledger as JSON under {@code /api/v1/enterprises}. */
@RestController
@RequestMapping("/api/v1/enterprises")
class EnterpriseApiController {

    private final Ledger ledger;
    private final DivisionNames names;
    private final JsonMapper json;
    private final Classifications classifications;
    private final EnterpriseHistory history;

    private final ExternalFilters externalFilters;

    EnterpriseApiController(Ledger ledger, DivisionNames names, JsonMapper json, Classifications classifications,
                            EnterpriseHistory history, ExternalFilters externalFilters) {
        this.externalFilters = externalFilters;
        this.classifications = classifications;
        this.history = history;
        this.ledger = ledger;
        this.names = names;
        this.json = json;
    }

    /** One line of the list. */
    record SummaryJson(long id, String name, String creditCode, String divisionCode, String divisionName, String address,
                       String contactPerson, String contactPhone, String industry, String industryName, boolean keyIndustry,
                       boolean eightSmall, Integer employees, String type, String discovery, java.time.LocalDate reportedOn,
                       String status, Map<String, Boolean> facts, boolean openDuplicates, int version,
                       ListClassificationJson classification) {
    }

    /** The list's view of the current classification: category id, measure kind and the plan's name of it. */
    record ListClassificationJson(String category, String measureKind, String measure, boolean override, boolean pending) {
    }

    /** A page of the list. */
    record PageJson(List<SummaryJson> items, int page, int size, long total, long totalPages) {
    }

    @GetMapping
    PageJson list(@RequestParam Map<String, String> params) {
        Page<EnterpriseSummary> page = ledger.search(externalFilters.apply(EnterpriseQueryParameters.list(params), params, scope()),
                scope());
        return new PageJson(page.items().stream().map(this::summary).toList(), page.page(), page.size(), page.total(),
                page.totalPages());
    }

    private SummaryJson summary(EnterpriseSummary s) {
        return new SummaryJson(s.id().value(), s.name(), s.creditCode(), s.division().value(), names.localName(s.division()),
                s.address(), s.contactPerson(), s.contactPhone(), s.industry() == null ? null : s.industry().name(),
                s.industry() == null ? null : s.industry().label(), s.keyIndustry(), s.eightSmall(), s.employees(),
                s.type().name(), s.discovery().name(), s.reportedOn(), s.status().name(), s.facts().asBooleans(),
                s.openDuplicates(), s.version(), s.classification() == null ? null
                        : new ListClassificationJson(s.classification().category(), s.classification().measureKind() == null ? null
                                : s.classification().measureKind().name(), s.classification().measureText(),
                                s.classification().overridden(), s.classification().pending()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EnterpriseJson> register(@RequestBody JsonNode body) {
        EnterpriseJson input = read(body, false);
        List<FieldError> errors = new ArrayList<>();
        EnterpriseDetails details = EnterpriseMapping.toDetails(input, Facts.NONE, errors);
        throwIfAny(errors, details);
        Registration registration = ledger.register(details, input.reason(), scope());
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + registration.id()))
                .body(view(registration.id(), registration));
    }

    @GetMapping("/{id}")
    EnterpriseJson get(@PathVariable long id) {
        EnterpriseId enterpriseId = EnterpriseId.of(id);
        return EnterpriseMapping.toJson(ledger.get(enterpriseId, scope()), names, true, List.of(),
                ledger.openDuplicates(enterpriseId, scope()), classification(enterpriseId));
    }

    /** A JSON merge patch (RFC 7386) of the enterprise; must carry the {@code version} it starts from and a {@code reason}. */
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    EnterpriseJson edit(@PathVariable long id, @RequestBody JsonNode patch) {
        if (!patch.isObject()) {
            throw new InvalidInputException("body", "请求内容应为 JSON 对象");
        }
        EnterprisePatches.checkMembers(patch);
        JsonNode version = patch.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new ValidationException(List.of(new FieldError("version", "请提供开始编辑时的版本号 version，以防覆盖他人的修改")));
        }
        EnterpriseId enterpriseId = EnterpriseId.of(id);
        Enterprise current = ledger.get(enterpriseId, scope());
        ObjectNode base = json.valueToTree(EnterpriseMapping.toJson(current, names, false, null, null));
        EnterpriseJson merged = read(EnterprisePatches.mergePatch(base, patch), true);
        List<FieldError> errors = new ArrayList<>();
        EnterpriseDetails details = EnterpriseMapping.toDetails(merged, current.details().facts(), errors);
        throwIfAny(errors, details);
        Registration registration = ledger.edit(enterpriseId, version.asInt(), details, merged.reason(), scope());
        return view(enterpriseId, registration);
    }

    private EnterpriseJson view(EnterpriseId id, Registration registration) {
        return EnterpriseMapping.toJson(ledger.get(id, scope()), names, true, registration.warnings(),
                registration.possibleDuplicates(), classification(id));
    }

    private ClassificationJson classification(EnterpriseId id) {
        return ClassificationJson.of(classifications.current(id, scope()));
    }

    @GetMapping("/{id}/history")
    List<VersionJson> history(@PathVariable long id) {
        return history.history(EnterpriseId.of(id), scope()).stream().map(VersionJson::of).toList();
    }

    /** One version in the history. */
    record VersionJson(long enterpriseId, int version, String action, String actionName, java.time.Instant at, String by,
                       String byName, String reason, List<ChangeJson> changes) {

        static VersionJson of(EnterpriseVersion v) {
            return new VersionJson(v.enterpriseId().value(), v.version(), v.action().name(), v.action().label(), v.at(),
                    v.username(), v.displayName(), v.reason(), v.changes().stream()
                    .map(c -> new ChangeJson(c.field(), c.label(), c.oldValue(), c.newValue())).toList());
        }
    }

    /** One changed field. */
    record ChangeJson(String field, String label, Object oldValue, Object newValue) {
    }

    /** Body of a withdrawal. */
    record WithdrawalJson(String reason, String note, Integer version) {
    }

    @PostMapping("/{id}/withdrawal")
    EnterpriseJson withdraw(@PathVariable long id, @RequestBody WithdrawalJson body) {
        List<FieldError> errors = new ArrayList<>();
        WithdrawalReason reason = EnterpriseMapping.parse(WithdrawalReason.class, body.reason(), "reason",
                "撤销原因（DUPLICATE 重复登记 / OUT_OF_SCOPE 不属于整治范围 / ENTERED_IN_ERROR 误录）", errors);
        ValidationException.throwIfAny(errors);
        ledger.withdraw(EnterpriseId.of(id), body.version(), reason, body.note(), scope());
        return get(id);
    }

    /** Body of a merge or a confirmation that two records differ. */
    record PairJson(Long duplicateId, String reason) {
    }

    /** Merges {@code duplicateId} into this enterprise. */
    @PostMapping("/{id}/merge")
    EnterpriseJson merge(@PathVariable long id, @RequestBody PairJson body) {
        ledger.merge(EnterpriseId.of(id), EnterpriseId.of(requireOther(body)), body.reason(), scope());
        return get(id);
    }

    @PostMapping("/{id}/distinct")
    EnterpriseJson distinct(@PathVariable long id, @RequestBody PairJson body) {
        ledger.confirmDistinct(EnterpriseId.of(id), EnterpriseId.of(requireOther(body)), body.reason(), scope());
        return get(id);
    }

    private static long requireOther(PairJson body) {
        if (body.duplicateId() == null) {
            throw new ValidationException(List.of(new FieldError("duplicateId", "请指明另一家企业的编号 duplicateId")));
        }
        return body.duplicateId();
    }

    private EnterpriseJson read(JsonNode node, boolean checked) {
        if (!node.isObject()) {
            throw new InvalidInputException("body", "请求内容应为 JSON 对象");
        }
        if (!checked) {
            EnterprisePatches.checkMembers(node);
        }
        try {
            return json.treeToValue(node, EnterpriseJson.class);
        } catch (JacksonException e) {
            String field = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            String label = org.qingyuan.ledger.internal.EnterpriseFields.LABELS.getOrDefault(field, field);
            throw new ValidationException(List.of(new FieldError(field, label + "的格式不正确")));
        }
    }

    /** Mapping errors together with the ledger's own rules, one message per field. */
    private void throwIfAny(List<FieldError> mappingErrors, EnterpriseDetails details) {
        if (mappingErrors.isEmpty()) {
            return;
        }
        List<FieldError> all = new ArrayList<>(mappingErrors);
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
}
