package org.qingyuan.utility;

/** Where a utility order stands. */
public enum OrderState {
    /** 待执行: ordered, waiting in the utility's queue. */
    ORDERED("待执行"),
    /** 已执行: the utility confirmed execution with a document and the time executed. */
    EXECUTED("已执行");

    private final String label;

    OrderState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
