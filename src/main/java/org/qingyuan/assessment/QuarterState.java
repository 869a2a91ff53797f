package org.qingyuan.assessment;

/** Where a quarter's assessment stands. */
public enum QuarterState {
    /** 进行中: the quarter runs or its cut-off has not been frozen yet; nothing is stored but what the sweep or office will freeze. */
    OPEN("未冻结"),
    /** 已冻结: the inputs are frozen with their digest and the ranking computed; they never change again. */
    FROZEN("已冻结"),
    /** 已通报: the bulletin was issued to every unit; the ranking is public to the district's towns. */
    PUBLISHED("已通报");

    private final String label;

    QuarterState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
