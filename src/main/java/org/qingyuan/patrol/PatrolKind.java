package org.qingyuan.patrol;

/** What kind of patrol it is. */
public enum PatrolKind {
    /** 日常巡查: a grid member's daily round of his grid. */
    DAY("日常巡查"),
    /** 夜查: the town's night patrol, led by the duty leader (带班领导) with at least two people (002 五2). */
    NIGHT("夜查");

    private final String label;

    PatrolKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
