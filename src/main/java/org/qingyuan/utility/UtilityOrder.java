package org.qingyuan.utility;

import java.time.Instant;

/**
 * An order to a utility for one enterprise's account.
 *
 * @param divisionCode the enterprise's division (jurisdiction checks)
 * @param orderedByUnit the division of the office or town that ordered it
 * @param orderAttachmentId the order's document, if one was attached
 * @param caseId the enterprise's rectification case when the order was made, if any
 * @param executedAt when the utility executed it, as it confirmed
 * @param caseItem the case item the confirmation completed (CUT_WATER, CUT_POWER, POWER_CANCELLED), if any
 */
public record UtilityOrder(long id, String districtCode, String divisionCode, long enterpriseId, String enterpriseName, Utility utility,
                           SupplyAction action, String accountNo, String reason, String documentNo, Long orderAttachmentId, Long caseId,
                           OrderState state, String orderedBy, String orderedByUnit, Instant orderedAt, Instant executedAt,
                           String confirmedBy, Instant confirmedAt, Long confirmationAttachmentId, String confirmationNote,
                           String caseItem, int version) {

    /** 断电, 限水, 恢复供气. */
    public String label() {
        return action.label(utility);
    }
}
