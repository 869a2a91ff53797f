package org.qingyuan.ledger;

/** The campaign's two kinds of enterprise (001 附件1 注2). */
public enum EnterpriseType {
    /** 小散乱污: small, scattered, disorderly or polluting (001 一(一)). */
    SLW("小散乱污"),
    /** “八小”: the eight small industries outside national policy (001 一(二)). */
    EIGHT_SMALL("八小");

    private final String label;

    EnterpriseType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
