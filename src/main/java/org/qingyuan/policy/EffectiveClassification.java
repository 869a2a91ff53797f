package org.qingyuan.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What applies to an enterprise: the computed classification, and the official's override when
 * there is one. The computed values stay visible beside the decided ones.
 *
 * @param computed what the policy computes
 * @param override the 一企一策 decision, or null
 */
public record EffectiveClassification(Classification computed, ClassificationOverride override) {

    public static EffectiveClassification of(Classification computed) {
        return new EffectiveClassification(computed, null);
    }

    public boolean overridden() {
        return override != null;
    }

    /** True when an override exists and the facts or policy changed since it was decided. */
    public boolean needsReview() {
        return override != null && override.needsReview(computed);
    }

    /** The measure kind that applies: the decided one, else the computed one (null when none). */
    public MeasureKind measureKind() {
        if (override != null && override.measureKind() != null) {
            return override.measureKind();
        }
        return computed.measure() == null ? null : computed.measure().kind();
    }

    /** The measure's name that applies. */
    public String measureLabel() {
        if (override != null && override.measureLabel() != null) {
            return override.measureLabel();
        }
        return computed.measure() == null ? null : computed.measure().label();
    }

    /** The deadlines that apply: decided dates replace computed ones of the same kind; others are added. */
    public List<Deadline> deadlines() {
        if (override == null || override.deadlines().isEmpty()) {
            return computed.deadlines();
        }
        List<Deadline> result = new ArrayList<>();
        Map<DeadlineKind, java.time.LocalDate> decided = override.deadlines();
        for (Deadline deadline : computed.deadlines()) {
            java.time.LocalDate date = decided.get(deadline.kind());
            result.add(date == null ? deadline : new Deadline(deadline.kind(), deadline.label(), date, "一企一策调整",
                    "原计算：" + (deadline.date() == null ? deadline.rule() : deadline.date()) + "；理由：" + override.reason(),
                    deadline.source()));
        }
        decided.forEach((kind, date) -> {
            if (computed.deadlines().stream().noneMatch(d -> d.kind() == kind)) {
                result.add(new Deadline(kind, kind.label(), date, "一企一策调整", "理由：" + override.reason(), "一企一策"));
            }
        });
        return List.copyOf(result);
    }
}
