package org.qingyuan.referral;

/** Where a referral stands. */
public enum ReferralState {
    /** Sent in writing to the department, not yet accepted. */
    SENT("已移交"),
    /** Accepted by the department, being handled (also after the referrer returned an answer). */
    ACCEPTED("办理中"),
    /** Answered by the department with what it did, waiting for the referrer. */
    ANSWERED("已答复"),
    /** The referrer confirmed the answer: done. */
    CONFIRMED("已确认");

    private final String label;

    ReferralState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True while the department still owes an answer (the deadline runs). */
    public boolean awaitingDepartment() {
        return this == SENT || this == ACCEPTED;
    }
}
