package org.qingyuan.rectification;

import java.time.LocalDate;

import org.qingyuan.shared.InvalidInputException;

/**
 * 验收 and 销号 as a case keeps them: who accepted the work on site with which record, who closed the case out and on
 * which day. Null fields while not done.
 */
record SignOff(String acceptedBy, String acceptanceRecord, String closedOutBy, LocalDate closedOutOn) {

    static final SignOff NONE = new SignOff(null, null, null, null);

    /** Accepted on site; the on-site record is required. */
    SignOff accepted(String by, String onSiteRecord) {
        if (onSiteRecord == null || onSiteRecord.isBlank()) {
            throw new InvalidInputException("onSiteRecord", "请填写现场验收记录");
        }
        return new SignOff(by, onSiteRecord.strip(), closedOutBy, closedOutOn);
    }

    SignOff closedOut(String by, LocalDate on) {
        return new SignOff(acceptedBy, acceptanceRecord, by, on);
    }

    /** The acceptance no longer holds: the plan changed, or the case was withdrawn. */
    SignOff withoutAcceptance() {
        return new SignOff(null, null, closedOutBy, closedOutOn);
    }
}
