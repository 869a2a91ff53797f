package org.qingyuan.policy;

/** Who submits a report. */
public enum Submitter {
    /** Each town (镇), street (街道) or area committee (片区管委会): the implementing units. */
    TOWNS("各镇（街道）"),
    /** Each member department (成员单位) of the campaign. */
    DEPARTMENTS("各成员单位"),
    /**
     * The district level itself (区本级, 001 附件2 注1): its campaign office (区整治办), or the district bureau a
     * municipal document addresses (000: 各区局).
     */
    DISTRICT("区本级");

    private final String label;

    Submitter(String label) {
        this.label = label;
    }

    /** The Chinese name, as the page 实施方案 shows it. */
    public String label() {
        return label;
    }
}
