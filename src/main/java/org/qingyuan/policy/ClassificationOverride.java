package org.qingyuan.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import org.qingyuan.shared.InvalidInputException;

/**
 * One policy per enterprise (一企一策, 004 三; no one-size-fits-all, 003 三(三)): an official's
 * decision to apply another measure or other deadlines than computed, with a reason. It remembers
 * the facts and policy version it was decided on, so a later change flags it for review.
 *
 * @param measureKind the measure decided instead of the computed one, or null to keep it
 * @param measureLabel how the decided measure is named, or null to keep the computed one
 * @param deadlines deadlines decided instead of the computed ones, by kind (may be empty)
 * @param reason why, in Chinese; required
 * @param decidedBy who decided
 * @param decidedAt when
 * @param factsFingerprint the facts it was decided on ({@link Facts#fingerprint()})
 * @param policyId the policy of the classification it overrides
 * @param policyVersion its version
 */
public record ClassificationOverride(MeasureKind measureKind, String measureLabel, Map<DeadlineKind, LocalDate> deadlines,
                                     String reason, String decidedBy, Instant decidedAt, String factsFingerprint,
                                     String policyId, int policyVersion) {

    public ClassificationOverride {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "一企一策调整必须写明理由");
        }
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
        if (measureKind == null && measureLabel == null && deadlines.isEmpty()) {
            throw new InvalidInputException("measure", "请调整处置措施或至少一个期限");
        }
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /** An override of a computed classification, recording its facts and policy version. */
    public static ClassificationOverride of(Classification basis, MeasureKind measureKind, String measureLabel,
                                            Map<DeadlineKind, LocalDate> deadlines, String reason, String decidedBy,
                                            Instant decidedAt) {
        return new ClassificationOverride(measureKind, measureLabel, deadlines, reason, decidedBy, decidedAt,
                basis.factsFingerprint(), basis.policyId(), basis.policyVersion());
    }

    /** True when the facts or the policy version changed since the decision: an official should look again. */
    public boolean needsReview(Classification current) {
        return !factsFingerprint.equals(current.factsFingerprint()) || !policyId.equals(current.policyId())
                || policyVersion != current.policyVersion();
    }

    /** The computed classification with this decision beside it. */
    public EffectiveClassification applyTo(Classification computed) {
        return new EffectiveClassification(computed, this);
    }
}
