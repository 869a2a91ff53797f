package org.qingyuan.assessment;

/** What an accountability record decides (004 六(二), 001 五, 002 六4). */
public enum AccountabilityKind {
    /** 通报批评. */
    CRITICISM("通报批评"),
    /** 约谈: a formal talk with the unit's leaders. */
    SUMMONS("约谈"),
    /** 问责（移交纪检监察）: referral to discipline inspection, 001 五. */
    DISCIPLINE_REFERRAL("问责（移交纪检监察）"),
    /** 表彰: commendation of a unit or person (002 六4). */
    COMMENDATION("表彰");

    private final String label;

    AccountabilityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
