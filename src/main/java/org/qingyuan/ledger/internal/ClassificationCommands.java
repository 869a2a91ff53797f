package org.qingyuan.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.ledger.internal.ClassificationRecord;
import org.qingyuan.ledger.Classifications;
import org.qingyuan.ledger.EnterpriseClassification;
import org.qingyuan.ledger.EnterpriseClassified;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.ledger.internal.OverrideDecision;
import org.qingyuan.ledger.internal.JdbcClassifications.Input;
import org.qingyuan.ledger.internal.JdbcClassifications.Stored;
import org.qingyuan.access.ActingUsers;
import org.qingyuan.policy.ClassificationOverride;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.EffectiveClassification;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each enterprise's classification as the pages and the API show it, and the commands that adjust it: the
 * 一企一策 override, the zone and the notice date (each audited, each classifying the enterprise again).
 */
@Service
class ClassificationCommands implements Classifications, ClassificationHistory {

    private final JdbcClassifications store;
    private final ClassificationEngine engine;
    private final Policies policies;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ActingUsers actors;
    private final Clock clock;

    ClassificationCommands(JdbcClassifications store, ClassificationEngine engine, Policies policies, AuditTrail audit,
                           ApplicationEventPublisher events, ActingUsers actors, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.policies = policies;
        this.audit = audit;
        this.events = events;
        this.actors = actors;
        this.clock = clock;
    }

    /** Classifies these enterprises now, in the caller's transaction (registration, edit, merge). */
    void classifyNow(java.util.Collection<Long> ids, String reason) {
        engine.classifyNow(ids, reason);
    }

    @Override
    @Transactional(readOnly = true)
    public EnterpriseClassification current(EnterpriseId id, Scope scope) {
        return view(store.find(id.value(), scope).orElseThrow(() -> EnterpriseStore.notFound(id)));
    }

    private EnterpriseClassification view(Input input) {
        Stored record = input.currentId() == null ? null : store.records(List.of(input.currentId())).get(input.currentId());
        OverrideDecision decision = input.overrideId() == null ? null
                : store.overrides(List.of(input.overrideId())).get(input.overrideId());
        EffectiveClassification applies = record == null ? null
                : new EffectiveClassification(engine.rehydrate(record), decision == null ? null : decision.override());
        return new EnterpriseClassification(new EnterpriseId(input.id()), input.division(), input.version(), input.zoneOverride(),
                input.noticeDate(), input.noticeDate() != null ? input.noticeDate() : input.reportedOn(), applies,
                record == null ? null : record.record().id(), input.stale() && input.active(),
                record == null ? null : record.record().computedAt(), record == null ? null : record.record().computedBy(),
                record == null ? null : record.record().reason());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClassificationRecord> history(EnterpriseId id, Scope scope) {
        store.find(id.value(), scope).orElseThrow(() -> EnterpriseStore.notFound(id));
        return store.history(id.value());
    }

    @Override
    @Transactional(readOnly = true)
    public List<OverrideDecision> overrides(EnterpriseId id, Scope scope) {
        store.find(id.value(), scope).orElseThrow(() -> EnterpriseStore.notFound(id));
        return store.overrideHistory(id.value());
    }

    @Override
    @Transactional
    public EnterpriseClassification override(EnterpriseId id, int version, MeasureKind measureKind, String measureLabel,
                                             Map<DeadlineKind, LocalDate> deadlines, String reason, Scope scope) {
        Input input = lockForChange(id, version, scope);
        EnterpriseClassification current = view(input);
        if (!current.classified()) {
            throw new ConflictException("该企业尚未完成分类，暂不能调整处置措施或期限，请稍后再试");
        }
        String by = actors.username();
        Instant now = now();
        String label = EnterpriseValidator.text(measureLabel);
        if (measureKind != null && label == null) {
            label = measureKind.label();
        }
        ClassificationOverride decided = ClassificationOverride.of(current.applies().computed(), measureKind, label, deadlines,
                EnterpriseValidator.text(reason), by, now);
        if (input.overrideId() != null) {
            store.clearOverride(input.overrideId(), now, by, "由新的一企一策调整取代");
        }
        long overrideId = store.insertOverride(id.value(), decided);
        store.setOverride(id.value(), version, overrideId, now, by);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("measureKind", measureKind == null ? "-" : measureKind.name());
        details.put("measureLabel", label == null ? "-" : label);
        details.put("deadlines", decided.deadlines().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
        details.put("policy", decided.policyId() + " v" + decided.policyVersion());
        audit.record(new AuditEvent("CLASSIFICATION_OVERRIDDEN", "Enterprise", id.toString(), decided.reason(), details));
        EffectiveClassification after = new EffectiveClassification(current.applies().computed(), decided);
        events.publishEvent(new EnterprisesClassified(List.of(new EnterpriseClassified(id.value(), input.division(), after,
                current.applies(), by, "一企一策调整：" + decided.reason()))));
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
        String by = actors.username();
        Instant now = now();
        store.clearOverride(input.overrideId(), now, by, why);
        store.setOverride(id.value(), version, null, now, by);
        audit.record(new AuditEvent("CLASSIFICATION_OVERRIDE_CLEARED", "Enterprise", id.toString(), why,
                Map.of("override", input.overrideId())));
        if (current.classified()) {
            events.publishEvent(new EnterprisesClassified(List.of(new EnterpriseClassified(id.value(), input.division(),
                    EffectiveClassification.of(current.applies().computed()), current.applies(), by,
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
        String by = actors.username();
        store.updateSettings(id.value(), version, z, input.noticeDate(), now(), by);
        audit.record(new AuditEvent("CLASSIFICATION_ZONE_SET", "Enterprise", id.toString(), why,
                Map.of("zone", List.of(input.zoneOverride() == null ? "" : input.zoneOverride(), z == null ? "" : z))));
        engine.classifyNow(List.of(id.value()), "区域调整" + (why == null ? "" : "：" + why));
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
        String by = actors.username();
        store.updateSettings(id.value(), version, input.zoneOverride(), noticeDate, now(), by);
        audit.record(new AuditEvent("CLASSIFICATION_NOTICE_DATE_SET", "Enterprise", id.toString(), why,
                Map.of("noticeDate", List.of(input.noticeDate() == null ? "" : input.noticeDate().toString(),
                        noticeDate == null ? "" : noticeDate.toString()))));
        engine.classifyNow(List.of(id.value()), "告知日期变更" + (why == null ? "" : "：" + why));
        return view(store.find(id.value(), scope).orElseThrow());
    }

    /** The enterprise's row, locked, if inside the scope, active and still at the version the change starts from. */
    private Input lockForChange(EnterpriseId id, int version, Scope scope) {
        store.find(id.value(), scope).orElseThrow(() -> EnterpriseStore.notFound(id));
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
