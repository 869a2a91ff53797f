package org.qingyuan.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The computed classification of one enterprise under one policy version. It records the policy
 * id and version it came from, so changing the active policy never rewrites it.
 *
 * @param policyId the policy
 * @param policyVersion its version
 * @param category the category as the document writes it, {@link Category#NONE} or {@link Category#UNDETERMINED}
 * @param categoryLabel the category's name in Chinese
 * @param possibleCategories when undetermined: the categories the missing facts could still lead to
 * @param zone the zone used, or null
 * @param tests each test's result: true, false, or null when unknown
 * @param measure the disposal measure, or null (no category, undetermined, or the zone is unknown)
 * @param deadlines the deadlines of the measure and of required referrals
 * @param flags the marks the enterprise carries, e.g. 重点行业
 * @param questions what to find out (empty when the result is complete)
 * @param explanation why, in Chinese: which facts made which test true, the category, the measure, the deadlines
 * @param noticeDate the notice date the deadlines run from, or null
 * @param factsFingerprint the facts it was computed from, to notice later changes
 */
public record Classification(String policyId, int policyVersion, String category, String categoryLabel,
                             List<String> possibleCategories, String zone, Map<String, Boolean> tests, Measure measure,
                             List<Deadline> deadlines, List<String> flags, List<Question> questions, String explanation,
                             LocalDate noticeDate, String factsFingerprint) {

    public boolean undetermined() {
        return Category.UNDETERMINED.equals(category);
    }

    /** True when nothing is left to find out. */
    public boolean complete() {
        return questions.isEmpty();
    }

    /** The deadline of this kind, if the measure sets one. */
    public java.util.Optional<Deadline> deadline(DeadlineKind kind) {
        return deadlines.stream().filter(d -> d.kind() == kind).findFirst();
    }
}
