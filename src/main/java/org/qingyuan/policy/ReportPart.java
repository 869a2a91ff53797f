package org.qingyuan.policy;

/** What a report consists of: the parts a unit submits, or the district office's own bulletins. */
public enum ReportPart {
    /** The official ledger form (001 附件1 or 004 附件2), generated from the ledger. */
    LEDGER_FORM("台账报表"),
    /** The statistics table (000 统计表), generated from the ledger. */
    STATISTICS_TABLE("统计表"),
    /** The unit's written work summary (工作总结). */
    WRITTEN_SUMMARY("工作总结"),
    /** The scan of the sealed paper copy (加盖公章的纸质件). */
    SEALED_SCAN("盖章扫描件"),
    /** The district office's weekly bulletin (周通报). */
    WEEKLY_BULLETIN("周通报"),
    /** The district office's monthly summary (月小结). */
    MONTHLY_SUMMARY("月小结");

    private final String label;

    ReportPart(String label) {
        this.label = label;
    }

    /** The Chinese name, as the page 实施方案 shows it. */
    public String label() {
        return label;
    }
}
