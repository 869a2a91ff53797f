package org.qingyuan.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.ledger.ClassificationRecord;
import org.qingyuan.ledger.Classifications;
import org.qingyuan.ledger.EnterpriseClassification;
import org.qingyuan.ledger.EnterpriseClassified;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.OverrideDecision;
import org.qingyuan.ledger.internal.JdbcClassifications.Input;
import org.qingyuan.ledger.internal.JdbcClassifications.NewRecord;
import org.qingyuan.ledger.internal.JdbcClassifications.Stored;
import org.qingyuan.ledger.internal.LedgerService.Actor;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.ClassificationOverride;
import org.qingyuan.policy.Deadline;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.EffectiveClassification;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.Measure;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.Production;
import org.qingyuan.policy.StandardFacts;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classifies the ledger's enterprises under the active policy and keeps the result: at once for a
 * registration or an edit (called by {@link LedgerService} in its transaction), in batches for the
 * stale ones ({@link ClassificationWorker}). A new record is stored only when something differs from
 * the current one; {@link EnterprisesClassified} lists those whose applicable classification changed.
 */
@Service
class ClassificationService implements Classifications {

    private static final Logger log = LoggerFactory.getLogger(ClassificationService.class);
    static final String SYSTEM = "system";

    private final JdbcClassifications store;
    private final Policies policies;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClassificationService(JdbcClassifications store, Policies policies, AuditTrail audit, ApplicationEventPublisher events,
                          Clock clock) {
        this.store = store;
        this.policies = policies;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- computing

    /** Classifies these enterprises now, in the caller's transaction (registration, edit). */
    void classifyNow(Collection<Long> ids, String reason) {
        if (ids.isEmpty()) {
            return;
        }
        classify(store.lock(ids), Actor.current().username(), reason);
    }

    /** Classifies up to {@code limit} stale enterprises that no other node is working on; answers how many it took. */
    @Transactional
    public int classifyStale(int limit) {
        if (policies.active().isEmpty()) {
            return 0;
        }
        List<Input> batch = store.lockStale(limit);
        classify(batch, SYSTEM, null);
        return batch.size();
    }

    long countStale() {
        return store.countStale();
    }

    /** Every enterprise of the ledger must be classified again (another policy or version is in force). */
    int markAllStale(String reason) {
        return store.markAllStale(reason);
    }

    private void classify(List<Input> inputs, String by, String reason) {
        Optional<Policy> active = policies.active();
        if (inputs.isEmpty() || active.isEmpty()) {
            return;
        }
        Policy policy = active.get();
        Instant now = now();
        Map<Long, Stored> previous = store.records(inputs.stream().map(Input::currentId).filter(Objects::nonNull).toList());
        Map<Long, OverrideDecision> overrides = store.overrides(inputs.stream().map(Input::overrideId).filter(Objects::nonNull).toList());
        Map<String, String> zones = new HashMap<>();
        List<Long> done = new ArrayList<>();
        List<Integer> withRecord = new ArrayList<>();
        List<NewRecord> records = new ArrayList<>();
        List<Pending> changed = new ArrayList<>();
        for (Input input : inputs) {
            done.add(input.id());
            if (!input.active()) {
                withRecord.add(null);
                continue;
            }
            String why = reason != null ? reason : input.staleReason() != null ? input.staleReason() : "重新分类";
            Facts facts;
            Classification computed;
            try {
                facts = policyFacts(input, policy);
                computed = compute(policy, input, facts, zones);
            } catch (RuntimeException e) {
                log.warn("Enterprise {} cannot be classified under {} v{}: {}", input.id(), policy.id(), policy.version(), e.getMessage());
                withRecord.add(null);
                continue;
            }
            Stored before = input.currentId() == null ? null : previous.get(input.currentId());
            if (before != null && same(before.record(), computed)) {
                withRecord.add(null);
                continue;
            }
            withRecord.add(records.size());
            records.add(newRecord(input.id(), computed, facts, why));
            OverrideDecision decision = input.overrideId() == null ? null : overrides.get(input.overrideId());
            ClassificationOverride override = decision == null ? null : decision.override();
            EffectiveClassification after = new EffectiveClassification(computed, override);
            changed.add(new Pending(input, before, override, after, why));
        }
        List<Long> ids = records.isEmpty() ? List.of() : store.reserveRecordIds(records.size());
        store.insertRecords(ids, records, now, by);
        List<Long> recordIds = new ArrayList<>(done.size());
        for (Integer index : withRecord) {
            recordIds.add(index == null ? null : ids.get(index));
        }
        store.markClassified(done, recordIds);
        List<EnterpriseClassified> published = new ArrayList<>();
        for (Pending p : changed) {
            EffectiveClassification before = p.before() == null ? null : new EffectiveClassification(rehydrate(p.before()), p.override());
            if (before == null || effectiveChanged(before, p.after())) {
                published.add(new EnterpriseClassified(p.input().id(), p.input().division(), p.after(), before, by, p.reason()));
            }
        }
        if (!published.isEmpty()) {
            events.publishEvent(new EnterprisesClassified(published));
        }
    }

    private record Pending(Input input, Stored before, ClassificationOverride override, EffectiveClassification after, String reason) {
    }

    private Classification compute(Policy policy, Input input, Facts facts, Map<String, String> zones) {
        String zone = input.zoneOverride() != null && policy.zone(input.zoneOverride()).isPresent() ? input.zoneOverride()
                : zones.computeIfAbsent(input.division(), d -> policies.zoneOf(policy.id(), DivisionCode.of(d)).orElse(""));
        LocalDate notice = input.noticeDate() != null ? input.noticeDate() : input.reportedOn();
        return policies.evaluate(policy.id(), policy.version(), facts, zone.isEmpty() ? null : zone, notice);
    }

    /**
     * The ledger's facts under the policy's names: every answered fact of the eleven, the answered facts the policy
     * declares, and the industry's Chinese name as text. Declared facts the policy does not know (recorded under
     * another plan) are left out.
     */
    static Facts policyFacts(Input input, Policy policy) {
        org.qingyuan.ledger.Facts facts = FactsJson.read(input.factsJson());
        Facts all = policyFacts(facts, input.industry());
        if (facts.declared().isEmpty()) {
            return all;
        }
        Map<String, Object> known = new HashMap<>(all.asMap());
        known.keySet().removeIf(name -> policy.fact(name).isEmpty());
        return Facts.of(known);
    }

    /** Every answered fact, declared ones included, and the industry: the policy module leaves out what a plan does not know. */
    static Facts policyFacts(org.qingyuan.ledger.Facts facts, Industry industry) {
        Map<String, Object> values = new HashMap<>();
        for (Fact fact : Fact.values()) {
            Boolean value = facts.value(fact);
            if (value != null) {
                values.put(fact.jsonName(), value);
            }
        }
        facts.declared().forEach((name, value) -> values.put(name, value.value()));
        if (industry != null) {
            // 其他 too: known to be none of the named industries, so list tests are false rather than unknown
            values.put(StandardFacts.INDUSTRY, industry.label());
        }
        return Facts.of(values);
    }

    private static boolean same(ClassificationRecord r, Classification c) {
        return r.policyId().equals(c.policyId()) && r.policyVersion() == c.policyVersion() && r.category().equals(c.category())
                && r.measureKind() == kind(c) && Objects.equals(r.measureLabel(), label(c))
                && dates(r.deadlines()).equals(dates(c.deadlines())) && Objects.equals(r.zone(), c.zone())
                && Objects.equals(r.noticeDate(), c.noticeDate()) && r.factsFingerprint().equals(c.factsFingerprint())
                && Objects.equals(r.explanation(), c.explanation());
    }

    /** True when what applies differs: policy, category, measure, deadlines or the override's presence. */
    static boolean effectiveChanged(EffectiveClassification before, EffectiveClassification after) {
        Classification b = before.computed();
        Classification a = after.computed();
        return !b.policyId().equals(a.policyId()) || b.policyVersion() != a.policyVersion() || !b.category().equals(a.category())
                || before.measureKind() != after.measureKind() || !Objects.equals(before.measureLabel(), after.measureLabel())
                || !dates(before.deadlines()).equals(dates(after.deadlines())) || before.overridden() != after.overridden();
    }

    private static List<String> dates(List<Deadline> deadlines) {
        return deadlines.stream().map(d -> d.kind() + "=" + d.date() + "/" + d.label()).toList();
    }

    private static MeasureKind kind(Classification c) {
        return c.measure() == null ? null : c.measure().kind();
    }

    private static String label(Classification c) {
        return c.measure() == null ? null : c.measure().label();
    }

    private static NewRecord newRecord(long enterpriseId, Classification c, Facts facts, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("categoryLabel", c.categoryLabel());
        detail.put("explanation", c.explanation());
        detail.put("questions", c.questions());
        detail.put("possibleCategories", c.possibleCategories());
        detail.put("flags", c.flags());
        detail.put("tests", c.tests());
        detail.put("production", c.measure() == null ? null : c.measure().production().name());
        var json = JdbcClassifications.JSON;
        return new NewRecord(enterpriseId, c.policyId(), c.policyVersion(), c.category(),
                c.measure() == null ? null : c.measure().kind().name(), label(c), json.writeValueAsString(c.deadlines()),
                json.writeValueAsString(detail), json.writeValueAsString(new java.util.TreeMap<>(facts.asMap())),
                c.factsFingerprint(), c.zone(), c.noticeDate(), reason);
    }

    /** A stored record as the policy's classification again: re-evaluated from its own inputs, its stored results kept. */
    Classification rehydrate(Stored stored) {
        ClassificationRecord r = stored.record();
        try {
            Classification c = policies.evaluate(r.policyId(), r.policyVersion(), Facts.of(stored.facts()), r.zone(), r.noticeDate());
            return new Classification(r.policyId(), r.policyVersion(), r.category(), c.categoryLabel(), c.possibleCategories(),
                    r.zone(), c.tests(), c.measure(), r.deadlines(), c.flags(), r.questions(), r.explanation(), r.noticeDate(),
                    r.factsFingerprint());
        } catch (RuntimeException e) {
            Measure measure = r.measureKind() == null ? null : new Measure(r.measureKind(), List.of(), r.measureLabel(), null,
                    Production.NOT_STATED, List.of(), List.of(), List.of(), List.of(), null);
            return new Classification(r.policyId(), r.policyVersion(), r.category(), r.categoryLabel(), List.of(), r.zone(),
                    Map.of(), measure, r.deadlines(), List.of(), r.questions(), r.explanation(), r.noticeDate(),
                    r.factsFingerprint());
        }
    }

    // ---- reading

    @Override
    @Transactional(readOnly = true)
    public EnterpriseClassification current(EnterpriseId id, Scope scope) {
        return view(store.find(id.value(), scope).orElseThrow(() -> LedgerService.notFound(id)));
    }

    private EnterpriseClassification view(Input input) {
        Stored record = input.currentId() == null ? null : store.records(List.of(input.currentId())).get(input.currentId());
        OverrideDecision decision = input.overrideId() == null ? null
                : store.overrides(List.of(input.overrideId())).get(input.overrideId());
        EffectiveClassification applies = record == null ? null
                : new EffectiveClassification(rehydrate(record), decision == null ? null : decision.override());
        return new EnterpriseClassification(new EnterpriseId(input.id()), input.division(), input.version(), input.zoneOverride(),
                input.noticeDate(), input.noticeDate() != null ? input.noticeDate() : input.reportedOn(), applies,
                record == null ? null : record.record().id(), input.stale() && input.active(),
                record == null ? null : record.record().computedAt(), record == null ? null : record.record().computedBy(),
                record == null ? null : record.record().reason());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClassificationRecord> history(EnterpriseId id, Scope scope) {
        store.find(id.value(), scope).orElseThrow(() -> LedgerService.notFound(id));
        return store.history(id.value());
    }

    @Override
    @Transactional(readOnly = true)
    public List<OverrideDecision> overrides(EnterpriseId id, Scope scope) {
        store.find(id.value(), scope).orElseThrow(() -> LedgerService.notFound(id));
        return store.overrideHistory(id.value());
    }

    // ---- changing

    @Override
    @Transactional
    public EnterpriseClassification override(EnterpriseId id, int version, MeasureKind measureKind, String measureLabel,
                                             Map<DeadlineKind, LocalDate> deadlines, String reason, Scope scope) {
        Input input = lockForChange(id, version, scope);
        EnterpriseClassification current = view(input);
        if (!current.classified()) {
            throw new ConflictException("该企业尚未完成分类，暂不能调整处置措施或期限，请稍后再试");
        }
        Actor actor = Actor.current();
        Instant now = now();
        String label = EnterpriseValidator.text(measureLabel);
        if (measureKind != null && label == null) {
            label = measureKind.label();
        }
        ClassificationOverride decided = ClassificationOverride.of(current.applies().computed(), measureKind, label, deadlines,
                EnterpriseValidator.text(reason), actor.username(), now);
        if (input.overrideId() != null) {
            store.clearOverride(input.overrideId(), now, actor.username(), "由新的一企一策调整取代");
        }
        long overrideId = store.insertOverride(id.value(), decided);
        store.setOverride(id.value(), version, overrideId, now, actor.username());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("measureKind", measureKind == null ? "-" : measureKind.name());
        details.put("measureLabel", label == null ? "-" : label);
        details.put("deadlines", decided.deadlines().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
        details.put("policy", decided.policyId() + " v" + decided.policyVersion());
        audit.record(new AuditEvent("CLASSIFICATION_OVERRIDDEN", "Enterprise", id.toString(), decided.reason(), details));
        EffectiveClassification after = new EffectiveClassification(current.applies().computed(), decided);
        events.publishEvent(new EnterprisesClassified(List.of(new EnterpriseClassified(id.value(), input.division(), after,
                current.applies(), actor.username(), "一企一策调整：" + decided.reason()))));
        return view(store.find(id.value(), scope).orElseThrow());
    }

    @Override
    @Transactional
    public EnterpriseClassification clearOverride(EnterpriseId id, int version, String reason, Scope scope) {
        Input input = lockForChange(id, version, scope);
        String why = EnterpriseValidator.text(reason);
        if (why == null) {
            throw new InvalidInputException("reason", "撤销一企一策调整必须写明理由");
        }
        if (input.overrideId() == null) {
            throw new ConflictException("该企业没有一企一策调整");
        }
        EnterpriseClassification current = view(input);
        Actor actor = Actor.current();
        Instant now = now();
        store.clearOverride(input.overrideId(), now, actor.username(), why);
        store.setOverride(id.value(), version, null, now, actor.username());
        audit.record(new AuditEvent("CLASSIFICATION_OVERRIDE_CLEARED", "Enterprise", id.toString(), why,
                Map.of("override", input.overrideId())));
        if (current.classified()) {
            events.publishEvent(new EnterprisesClassified(List.of(new EnterpriseClassified(id.value(), input.division(),
                    EffectiveClassification.of(current.applies().computed()), current.applies(), actor.username(),
                    "撤销一企一策调整：" + why))));
        }
        return view(store.find(id.value(), scope).orElseThrow());
    }

    @Override
    @Transactional
    public EnterpriseClassification setZone(EnterpriseId id, int version, String zone, String reason, Scope scope) {
        Input input = lockForChange(id, version, scope);
        String z = EnterpriseValidator.text(zone);
        if (z != null) {
            Policy policy = policies.active().orElseThrow(() -> new ConflictException("尚未启用实施方案，不能设置区域"));
            if (policy.zone(z).isEmpty()) {
                throw new InvalidInputException("zone", "实施方案“" + policy.info().title() + "”没有区域“" + z + "”"
                        + (policy.zones().isEmpty() ? "（该方案不分区域）" : "，可选：" + String.join("、",
                        policy.zones().stream().map(x -> x.id() + " " + x.label()).toList())));
            }
        }
        String why = EnterpriseValidator.text(reason);
        if (Objects.equals(z, input.zoneOverride())) {
            return view(input);
        }
        if (why == null) {
            throw new ValidationException(List.of(new FieldError("reason", "调整企业所在区域必须写明理由")));
        }
        Actor actor = Actor.current();
        store.updateSettings(id.value(), version, z, input.noticeDate(), now(), actor.username());
        audit.record(new AuditEvent("CLASSIFICATION_ZONE_SET", "Enterprise", id.toString(), why,
                Map.of("zone", List.of(input.zoneOverride() == null ? "" : input.zoneOverride(), z == null ? "" : z))));
        classifyNow(List.of(id.value()), "区域调整" + (why == null ? "" : "：" + why));
        return view(store.find(id.value(), scope).orElseThrow());
    }

    @Override
    @Transactional
    public EnterpriseClassification setNoticeDate(EnterpriseId id, int version, LocalDate noticeDate, String reason, Scope scope) {
        Input input = lockForChange(id, version, scope);
        if (noticeDate != null && noticeDate.isAfter(LocalDate.now(clock.withZone(LedgerService.CHINA)).plusYears(1))) {
            throw new InvalidInputException("noticeDate", "告知日期不能晚于一年以后");
        }
        String why = EnterpriseValidator.text(reason);
        if (Objects.equals(noticeDate, input.noticeDate())) {
            return view(input);
        }
        Actor actor = Actor.current();
        store.updateSettings(id.value(), version, input.zoneOverride(), noticeDate, now(), actor.username());
        audit.record(new AuditEvent("CLASSIFICATION_NOTICE_DATE_SET", "Enterprise", id.toString(), why,
                Map.of("noticeDate", List.of(input.noticeDate() == null ? "" : input.noticeDate().toString(),
                        noticeDate == null ? "" : noticeDate.toString()))));
        classifyNow(List.of(id.value()), "告知日期变更" + (why == null ? "" : "：" + why));
        return view(store.find(id.value(), scope).orElseThrow());
    }

    /** The enterprise's row, locked, if inside the scope, active and still at the version the change starts from. */
    private Input lockForChange(EnterpriseId id, int version, Scope scope) {
        store.find(id.value(), scope).orElseThrow(() -> LedgerService.notFound(id));
        Input input = store.lock(List.of(id.value())).get(0);
        if (!input.active()) {
            throw new ConflictException("该企业已撤销，不能再调整分类");
        }
        if (input.version() != version) {
            EnterpriseClassification now = view(input);
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("currentVersion", input.version());
            current.put("yourVersion", version);
            current.put("zoneOverride", input.zoneOverride() == null ? "" : input.zoneOverride());
            current.put("noticeDate", input.noticeDate() == null ? "" : input.noticeDate().toString());
            current.put("override", now.applies() != null && now.applies().overridden()
                    ? now.applies().override().reason() + "（" + now.applies().override().decidedBy() + "）" : "");
            throw new ConflictException("该企业的分类设置已被他人修改（当前版本 " + input.version() + "，您修改的是版本 " + version
                    + "），请查看后重新提交", current);
        }
        return input;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
