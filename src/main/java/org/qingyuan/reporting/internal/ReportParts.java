package org.qingyuan.reporting.internal;

/** The Chinese names of the parts of a report (the names of {@code policy.ReportPart}). */
final class ReportParts {

    private ReportParts() {
    }

    static String label(String part) {
        return switch (part) {
            case "LEDGER_FORM" -> "台账报表";
            case "STATISTICS_TABLE" -> "统计表";
            case "WRITTEN_SUMMARY" -> "工作总结";
            case "SEALED_SCAN" -> "盖章扫描件";
            case "WEEKLY_BULLETIN" -> "周通报";
            case "MONTHLY_SUMMARY" -> "月小结";
            default -> part;
        };
    }
}
