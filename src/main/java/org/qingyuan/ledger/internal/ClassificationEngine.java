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

import org.qingyuan.ledger.internal.ClassificationRecord;
import org.qingyuan.ledger.EnterpriseClassified;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.ledger.internal.OverrideDecision;
import org.qingyuan.ledger.internal.JdbcClassifications.Input;
import org.qingyuan.ledger.internal.JdbcClassifications.NewRecord;
import org.qingyuan.ledger.internal.JdbcClassifications.Stored;
import org.qingyuan.access.ActingUsers;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.ClassificationOverride;
import org.qingyuan.policy.Deadline;
import org.qingyuan.policy.EffectiveClassification;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.Measure;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.Production;
import org.qingyuan.shared.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classifies the ledger's enterprises under the active policy and keeps the result: at once for a
 * registration or an edit (in the caller's transaction), in batches for the stale ones
 * ({@link ClassificationWorker}). A new record is stored only when something differs from the
 * current one; {@link EnterprisesClassified} lists those whose applicable classification changed.
 */
@Service
class ClassificationEngine {

    private static final Logger log = LoggerFactory.getLogger(ClassificationEngine.class);
    static final String SYSTEM = "system";

    private final JdbcClassifications store;
    private final Policies policies;
    private final ApplicationEventPublisher events;
    private final ActingUsers actors;
    private final Clock clock;

    ClassificationEngine(JdbcClassifications store, Policies policies, ApplicationEventPublisher events, ActingUsers actors,
                         Clock clock) {
        this.store = store;
        this.policies = policies;
        this.events = events;
        this.actors = actors;
        this.clock = clock;
    }

    /** Classifies these enterprises now, in the caller's transaction (registration, edit). */
    void classifyNow(Collection<Long> ids, String reason) {
        if (ids.isEmpty()) {
            return;
        }
        classify(store.lock(ids), actors.username(), reason);
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
                facts = LedgerFacts.forPolicy(input, policy);
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

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
