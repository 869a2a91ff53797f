package org.qingyuan.evidence;

/** What a dossier file shows (004 六(一), 002 五2). */
public enum EvidenceCategory {
    /** 整治前. */
    BEFORE("整治前"),
    /** 整治中（清理过程）. */
    DURING("整治中"),
    /** 整治后（清理后）. */
    AFTER("整治后"),
    /** 现场检查记录. */
    INSPECTION_RECORD("现场检查记录"),
    /** 法律文书（各部门出具）. */
    LEGAL_DOCUMENT("法律文书"),
    /** 其他. */
    OTHER("其他");

    private final String label;

    EvidenceCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
