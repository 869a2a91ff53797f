package org.qingyuan.policy;

/** Who submits a report. */
public enum Submitter {
    /** Each town (镇) and street (街道). */
    TOWNS("各镇（街道）"),
    /** Each member department (成员单位). */
    DEPARTMENTS("各部门"),
    /** The district's campaign office. */
    DISTRICT("区整治办");

    private final String label;

    Submitter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
