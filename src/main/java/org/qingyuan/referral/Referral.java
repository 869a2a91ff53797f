package org.qingyuan.referral;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A matter referred (移交) in writing to the competent department.
 *
 * @param divisionCode where the matter lies: the enterprise's division, else the referrer's
 * @param deadlineRule how the deadline was counted, in Chinese (e.g. 5个工作日（实施方案 三）)
 * @param returns how often the referrer returned the answer
 */
public record Referral(long id, String districtCode, String divisionCode, Long enterpriseId, String enterpriseName,
                       String departmentCode, String problem, String legalBasis, Urgency urgency, ReferralState state,
                       LocalDate referredOn, LocalDate deadline, String deadlineRule, Instant referredAt, String referredBy,
                       Instant acceptedAt, String acceptedBy, String answer, Instant answeredAt, String answeredBy,
                       Instant confirmedAt, String confirmedBy, String returnReason, Instant returnedAt, int returns,
                       LocalDate escalatedOn, int version) {

    /** Past its deadline with the department's answer still owed. */
    public boolean overdue(LocalDate today) {
        return state.awaitingDepartment() && today.isAfter(deadline);
    }
}
