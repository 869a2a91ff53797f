package org.qingyuan.ledger;

/** Where a compliance fact comes from; kept with the fact and its date. */
public enum FactSource {
    /** 现场核查: seen on site by an official. */
    INSPECTION("现场核查"),
    /** 部门核实: confirmed by the competent department (environment, market regulation, planning …). */
    DEPARTMENT("部门核实"),
    /** 经营者自述: what the operator said. */
    DECLARATION("经营者自述"),
    /** 登记填报: entered with the record, source not stated. */
    REPORTED("登记填报"),
    /** 台账导入: came from an imported Excel ledger. */
    IMPORT("台账导入");

    private final String label;

    FactSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
