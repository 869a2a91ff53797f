package org.qingyuan.utility;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One licence action recorded by market regulation.
 *
 * @param decidedOn the date of the decision
 * @param documentNo the decision's number (文号)
 * @param governmentOrder the government's order it follows (e.g. 区政府要求), if named
 * @param attachmentId the decision document in the enterprise's dossier
 */
public record LicenceAction(long id, String divisionCode, long enterpriseId, String enterpriseName, LicenceActionKind kind,
                            LocalDate decidedOn, String documentNo, String governmentOrder, String note, long attachmentId,
                            String recordedBy, Instant recordedAt) {

    /** 营业执照：已吊销（2026-11-02，文号 惠市监处字〔2026〕12 号）. */
    public String licenceState() {
        return "营业执照：" + kind.stateLabel() + "（" + decidedOn + "，文号 " + documentNo + "）";
    }
}
