package org.qingyuan.policy;

/** How often a report is due ({@link ReportSchedule}). */
public enum ReportFrequency {
    /** 每月: on one or more days of each month (e.g. the 23rd; the 1st and 16th). */
    MONTH("每月"),
    /** 每周: on one day of each week. */
    WEEK("每周"),
    /** 每季度: on one day of the month after each quarter. */
    QUARTER("每季度");

    private final String label;

    ReportFrequency(String label) {
        this.label = label;
    }

    /** The Chinese name, as the page 实施方案 shows it. */
    public String label() {
        return label;
    }
}
