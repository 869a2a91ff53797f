package org.qingyuan.ledger;

/** Why an enterprise left the ledger. */
public enum WithdrawalReason {
    /** 重复登记: the same enterprise is in the ledger twice (merging sets this too). */
    DUPLICATE("重复登记"),
    /** 不属于整治范围: not a scattered, disorderly or polluting enterprise after all. */
    OUT_OF_SCOPE("不属于整治范围"),
    /** 误录: entered in error. */
    ENTERED_IN_ERROR("误录");

    private final String label;

    WithdrawalReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
