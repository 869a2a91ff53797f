package org.qingyuan.utility;

/** What market regulation did to a business licence (营业执照). */
public enum LicenceActionKind {
    /** 变更登记: the licence was changed (e.g. business scope narrowed). */
    CHANGE("变更", "已变更"),
    /** 注销登记: the licence was deregistered. */
    DEREGISTRATION("注销", "已注销"),
    /** 吊销: the licence was revoked. */
    REVOCATION("吊销", "已吊销");

    private final String label;
    private final String stateLabel;

    LicenceActionKind(String label, String stateLabel) {
        this.label = label;
        this.stateLabel = stateLabel;
    }

    public String label() {
        return label;
    }

    /** The licence state after it: 已吊销. */
    public String stateLabel() {
        return stateLabel;
    }

    /** True when the licence no longer exists after it. */
    public boolean ends() {
        return this != CHANGE;
    }
}
