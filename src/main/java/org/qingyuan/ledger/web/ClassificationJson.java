package org.qingyuan.ledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.ledger.internal.ClassificationRecord;
import org.qingyuan.ledger.EnterpriseClassification;
import org.qingyuan.ledger.internal.OverrideDecision;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.ClassificationOverride;
import org.qingyuan.policy.Deadline;
import org.qingyuan.policy.EffectiveClassification;
import org.qingyuan.policy.Measure;

/**
 * The {@code classification} of an enterprise in the API: the policy and version it
 * came from, the category, the measure and deadlines that apply (the 一企一策 override's where it
 * decides them), the override with the computed values beside it, and the per-enterprise settings.
 *
 * @param policy the policy id, or null before the first classification
 * @param version the policy's version
 * @param category as the document writes it, {@code NONE} or {@code UNDETERMINED}
 * @param measure the measure that applies, or null
 * @param deadlines the deadlines that apply, each {@code {"kind", "date": "yyyy-mm-dd"}} (date null when per case)
 * @param override the 一企一策 decision, or null
 * @param computed what the policy computes, beside the override (same as measure/deadlines without one)
 * @param needsReview true when the override was decided on other facts or another policy version
 * @param zone the zone used; {@code zoneOverride} the enterprise's own zone, if set
 * @param noticeDate the date the deadlines run from; {@code noticeDateAssumed} when it is the reporting date
 * @param pending true while a recomputation waits (after an import or an activation)
 * @param settingsVersion what a change of zone, notice date or override must name
 */
public record ClassificationJson(String policy, Integer version, String category, String categoryLabel,
                                 List<String> possibleCategories, MeasureJson measure, List<DeadlineJson> deadlines,
                                 OverrideJson override, ComputedJson computed, boolean needsReview, String explanation,
                                 List<QuestionJson> questions, List<String> flags, String zone, String zoneOverride,
                                 LocalDate noticeDate, boolean noticeDateAssumed, boolean pending, Instant computedAt,
                                 String computedBy, String reason, int settingsVersion) {

    public record MeasureJson(String kind, String kindName, String label, String production, String productionName,
                              boolean stopProduction) {

        static MeasureJson of(Measure m) {
            return m == null ? null : new MeasureJson(m.kind().name(), m.kind().label(), m.label(), m.production().name(),
                    m.production().label(), m.stopProduction());
        }
    }

    public record DeadlineJson(String kind, String label, LocalDate date, String rule, String note) {

        static DeadlineJson of(Deadline d) {
            return new DeadlineJson(d.kind().name(), d.label(), d.date(), d.rule(), d.note());
        }

        static List<DeadlineJson> of(List<Deadline> deadlines) {
            return deadlines.stream().map(DeadlineJson::of).toList();
        }
    }

    public record QuestionJson(String fact, String question) {
    }

    /** The decided values only, as the official gave them. */
    public record OverrideJson(String measureKind, String measureKindName, String measureLabel, List<DeadlineJson> deadlines,
                               String reason, String decidedBy, Instant decidedAt, String policy, int version,
                               boolean needsReview) {

        static OverrideJson of(ClassificationOverride o, boolean needsReview) {
            return new OverrideJson(o.measureKind() == null ? null : o.measureKind().name(),
                    o.measureKind() == null ? null : o.measureKind().label(), o.measureLabel(),
                    o.deadlines().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .map(e -> new DeadlineJson(e.getKey().name(), e.getKey().label(), e.getValue(), "一企一策调整", null))
                            .toList(),
                    o.reason(), o.decidedBy(), o.decidedAt(), o.policyId(), o.policyVersion(), needsReview);
        }
    }

    public record ComputedJson(String category, MeasureJson measure, List<DeadlineJson> deadlines) {
    }

    static ClassificationJson of(EnterpriseClassification c) {
        EffectiveClassification applies = c.applies();
        if (applies == null) {
            return new ClassificationJson(null, null, null, null, List.of(), null, List.of(), null, null, false, null, List.of(),
                    List.of(), null, c.zoneOverride(), c.effectiveNoticeDate(), c.noticeDateAssumed(), true, null, null, null,
                    c.version());
        }
        Classification computed = applies.computed();
        MeasureJson measure = MeasureJson.of(computed.measure());
        if (applies.overridden() && (applies.override().measureKind() != null || applies.override().measureLabel() != null)) {
            var kind = applies.measureKind();
            measure = new MeasureJson(kind == null ? null : kind.name(), kind == null ? null : kind.label(), applies.measureLabel(),
                    measure == null ? null : measure.production(), measure == null ? null : measure.productionName(),
                    measure != null && measure.stopProduction());
        }
        return new ClassificationJson(computed.policyId(), computed.policyVersion(), computed.category(), computed.categoryLabel(),
                computed.possibleCategories(), measure, DeadlineJson.of(applies.deadlines()),
                applies.overridden() ? OverrideJson.of(applies.override(), applies.needsReview()) : null,
                new ComputedJson(computed.category(), MeasureJson.of(computed.measure()), DeadlineJson.of(computed.deadlines())),
                applies.needsReview(), computed.explanation(),
                computed.questions().stream().map(q -> new QuestionJson(q.fact(), q.question())).toList(), computed.flags(),
                computed.zone(), c.zoneOverride(), c.effectiveNoticeDate(), c.noticeDateAssumed(), c.pending(), c.computedAt(),
                c.computedBy(), c.reason(), c.version());
    }

    /** One stored classification in the history. */
    public record RecordJson(long id, String policy, int version, String category, String categoryLabel, String measureKind,
                             String measureLabel, List<DeadlineJson> deadlines, String explanation, String zone,
                             LocalDate noticeDate, String factsFingerprint, Instant computedAt, String computedBy, String reason) {

        static RecordJson of(ClassificationRecord r) {
            return new RecordJson(r.id(), r.policyId(), r.policyVersion(), r.category(), r.categoryLabel(),
                    r.measureKind() == null ? null : r.measureKind().name(), r.measureLabel(), DeadlineJson.of(r.deadlines()),
                    r.explanation(), r.zone(), r.noticeDate(), r.factsFingerprint(), r.computedAt(), r.computedBy(), r.reason());
        }
    }

    /** One 一企一策 decision in the history. */
    public record DecisionJson(long id, OverrideJson override, Instant clearedAt, String clearedBy, String clearedReason) {

        static DecisionJson of(OverrideDecision d) {
            return new DecisionJson(d.id(), OverrideJson.of(d.override(), false), d.clearedAt(), d.clearedBy(), d.clearedReason());
        }
    }
}
