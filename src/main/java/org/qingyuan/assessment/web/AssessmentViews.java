package org.qingyuan.assessment.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.qingyuan.assessment.AccountabilityGround;
import org.qingyuan.assessment.AccountabilityKind;
import org.qingyuan.assessment.EvidenceLink;
import org.qingyuan.assessment.QuarterKey;
import org.qingyuan.policy.AssessmentScheme;
import org.qingyuan.shared.InvalidInputException;

/** Parsing of request values and display of indicator values, shared by the pages and the API. */
final class AssessmentViews {

    private AssessmentViews() {
    }

    /** A share as a percentage, a count as it is; 无数据 for none. */
    static String display(String code, BigDecimal value) {
        if (value == null) {
            return "无数据";
        }
        if (AssessmentScheme.COMPLETION_RATE.equals(code) || AssessmentScheme.REPORT_PUNCTUALITY.equals(code)
                || AssessmentScheme.HOLD_UP_RATE.equals(code)) {
            return value.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    static QuarterKey quarter(int year, int quarter) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "年份（year）应在 2000 到 2100 之间，实际为 " + year);
        }
        if (quarter < 1 || quarter > 4) {
            throw new InvalidInputException("quarter", "季度（quarter）应为 1 到 4，实际为 " + quarter);
        }
        return new QuarterKey(year, quarter);
    }

    /** {@code 2026-3} or {@code 2026Q3}; null or blank: none. */
    static QuarterKey quarter(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] p = text.strip().toUpperCase().split("[-Q]+");
        try {
            return quarter(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException i) {
                throw i;
            }
            throw new InvalidInputException(field, "季度（" + field + "）应写作 2026-3，实际为“" + text + "”");
        }
    }

    static AccountabilityKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AccountabilityKind.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "类型（kind）应为 CRITICISM（通报批评）、SUMMONS（约谈）、DISCIPLINE_REFERRAL（问责）或 COMMENDATION（表彰），实际为“" + text + "”");
        }
    }

    static AccountabilityGround ground(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AccountabilityGround.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ground", "情形（ground）应为 OMITTED（漏报）、CONCEALED（瞒报）、FALSE（假报）、POOR_WORK（工作不力）或 OTHER，实际为“" + text + "”");
        }
    }

    /** The evidence a page form names: one link per line, {@code 说明 | /cases/12}. */
    static List<EvidenceLink> links(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            int bar = l.lastIndexOf('|');
            String label = bar < 0 ? l : l.substring(0, bar).strip();
            String href = bar < 0 ? null : l.substring(bar + 1).strip();
            if (href == null && l.startsWith("/")) {
                href = l;
            }
            return new EvidenceLink(type(href), id(href), label, href);
        }).toList();
    }

    private static String type(String href) {
        if (href == null) {
            return "NOTE";
        }
        if (href.startsWith("/cases/")) {
            return "CASE";
        }
        if (href.startsWith("/reports/submissions/")) {
            return "SUBMISSION";
        }
        if (href.startsWith("/patrols/check-ins/")) {
            return "CHECK_IN";
        }
        if (href.startsWith("/assessment/")) {
            return "QUARTER";
        }
        if (href.startsWith("/supervision")) {
            return "SUPERVISION_FINDING";
        }
        return "LINK";
    }

    private static String id(String href) {
        if (href == null) {
            return null;
        }
        String tail = href.replaceAll("[?#].*$", "");
        return tail.substring(tail.lastIndexOf('/') + 1);
    }
}
