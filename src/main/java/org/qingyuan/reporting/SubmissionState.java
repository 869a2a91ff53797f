package org.qingyuan.reporting;

/** Where a unit's submission of a report for a period stands. */
public enum SubmissionState {
    /** 待报送: the period has started; nothing prepared yet. */
    DUE("待报送"),
    /** 已生成: the forms are generated from the ledger; the unit may add its summary and scan, then submit. */
    PREPARED("已生成待提交"),
    /** 已报送: submitted and frozen; waiting for the district office. */
    SUBMITTED("已报送"),
    /** 已接收: the district office received it. */
    RECEIVED("已接收"),
    /** 已退回: the district office returned it with a reason; the unit submits a correction. */
    RETURNED("已退回");

    private final String label;

    SubmissionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True once submitted: what was submitted can never change. */
    public boolean frozen() {
        return this == SUBMITTED || this == RECEIVED || this == RETURNED;
    }
}
