package org.qingyuan.reporting;

/** The district office's two bulletins (001: 周通报 and 月小结). */
public enum BulletinKind {
    /** 周通报: the week's progress, Monday to Sunday. */
    WEEKLY("周通报"),
    /** 月小结: the month's progress. */
    MONTHLY("月小结");

    private final String label;

    BulletinKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
