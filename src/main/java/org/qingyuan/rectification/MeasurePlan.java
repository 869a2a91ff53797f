package org.qingyuan.rectification;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.EffectiveClassification;
import org.qingyuan.policy.Measure;
import org.qingyuan.policy.MeasureKind;

/**
 * What a classification asks of a case: the measure, its items, its deadlines (the main one and all
 * others) and the escalations that apply when they pass.
 *
 * @param deadline the main deadline: the latest dated deadline of the kinds that finish the measure
 *                 (shutdown: 完成取缔 / 完成关停 / 完成拆除 / 自行拆除清理; relocation: 完成搬迁入园;
 *                 remediation: 补办手续 / 完成整改), or null when the plan leaves it to the case
 */
public record MeasurePlan(MeasureKind measure, String measureName, List<Requirement> requirements, LocalDate deadline,
                          List<CaseDeadline> deadlines, List<EscalationRule> escalations, String policyId,
                          Integer policyVersion) {

    public MeasurePlan {
        Objects.requireNonNull(measure, "measure");
        requirements = List.copyOf(requirements == null || requirements.isEmpty() ? Requirements.defaultFor(measure) : requirements);
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }

    /** The deadline kinds that finish a measure. */
    public static Set<DeadlineKind> mainKinds(MeasureKind kind) {
        return switch (kind) {
            case SHUTDOWN -> Set.of(DeadlineKind.BAN, DeadlineKind.SHUTDOWN, DeadlineKind.DEMOLISH, DeadlineKind.SELF_CLEARANCE);
            case RELOCATE -> Set.of(DeadlineKind.RELOCATE);
            case REMEDIATE -> Set.of(DeadlineKind.OBTAIN_APPROVALS, DeadlineKind.REMEDIATE);
            case SUPERVISE -> Set.of();
        };
    }

    /** The plan of an effective classification, or null when it calls for no case (none, undetermined, supervision). */
    public static MeasurePlan of(EffectiveClassification classification) {
        MeasureKind kind = classification.measureKind();
        if (kind == null || kind == MeasureKind.SUPERVISE || classification.computed().undetermined()) {
            return null;
        }
        Measure computed = classification.computed().measure();
        boolean sameKind = computed != null && computed.kind() == kind;
        List<Requirement> items = sameKind ? Requirements.of(computed) : Requirements.defaultFor(kind);
        List<CaseDeadline> deadlines = classification.deadlines().stream().map(CaseDeadline::of).toList();
        List<EscalationRule> escalations = sameKind ? computed.escalations().stream().map(EscalationRule::of).toList() : List.of();
        String label = classification.measureLabel() == null ? kind.label() : classification.measureLabel();
        return new MeasurePlan(kind, label, items, mainDeadline(kind, deadlines), deadlines, escalations,
                classification.computed().policyId(), classification.computed().policyVersion());
    }

    /** The latest dated deadline of the kinds that finish the measure, or null. */
    public static LocalDate mainDeadline(MeasureKind kind, List<CaseDeadline> deadlines) {
        Set<DeadlineKind> kinds = mainKinds(kind);
        return deadlines.stream().filter(d -> kinds.contains(d.kind()) && d.date() != null).map(CaseDeadline::date)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /** True when it asks the same of the case as another plan (so a recomputation changes nothing). */
    public boolean sameAs(MeasurePlan other) {
        return other != null && measure == other.measure && Objects.equals(measureName, other.measureName)
                && requirements.equals(other.requirements) && Objects.equals(deadline, other.deadline)
                && deadlines.equals(other.deadlines);
    }
}
