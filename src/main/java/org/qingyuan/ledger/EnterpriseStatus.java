package org.qingyuan.ledger;

/** Whether an enterprise counts in the ledger. Nothing is deleted: a withdrawn one stays findable. */
public enum EnterpriseStatus {
    /** 在册: in the ledger. */
    ACTIVE("在册"),
    /** 已撤销: withdrawn with a reason; kept with its history. */
    WITHDRAWN("已撤销");

    private final String label;

    EnterpriseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
