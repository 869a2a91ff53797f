package org.qingyuan.ledger.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.policy.Deadline;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Question;

/**
 * One classification computed for an enterprise, as stored (never changed afterwards).
 *
 * @param policyId the policy it came from
 * @param policyVersion its version
 * @param category as the document writes it, {@code NONE} or {@code UNDETERMINED}
 * @param categoryLabel its Chinese name
 * @param measureKind the computed measure, or null
 * @param measureLabel its name, or null
 * @param deadlines the computed deadlines
 * @param explanation why, in Chinese
 * @param questions what to find out when undetermined
 * @param factsFingerprint the facts it was computed from
 * @param zone the zone used, or null
 * @param noticeDate the date the deadlines ran from, or null
 * @param reason why it was computed
 */
public record ClassificationRecord(long id, long enterpriseId, String policyId, int policyVersion, String category,
                                   String categoryLabel, MeasureKind measureKind, String measureLabel, List<Deadline> deadlines,
                                   String explanation, List<Question> questions, String factsFingerprint, String zone,
                                   LocalDate noticeDate, Instant computedAt, String computedBy, String reason) {
}
