package org.qingyuan.lead;

/** Where a lead stands: waiting in its town's queue, or decided one of three ways (never reopened). */
public enum LeadState {
    /** 待核实: in the town's queue. */
    OPEN("待核实"),
    /** 已登记入账: registered as a new enterprise of the ledger. */
    CONFIRMED("已登记入账"),
    /** 已并入台账: the site is an enterprise already in the ledger. */
    MERGED("已并入台账"),
    /** 已排除: not a 散乱污 site, with the reason. */
    DISMISSED("已排除");

    private final String label;

    LeadState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
