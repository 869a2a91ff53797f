package org.qingyuan.rectification.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.assessment.AssessmentIndicator;
import org.qingyuan.assessment.EvidenceLink;
import org.qingyuan.assessment.IndicatorValue;
import org.qingyuan.policy.AssessmentScheme;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rectification figures of the quarterly assessment, per town, as of the end of the cut-off day, each case taken
 * at its last step by then (the timeline records the state and the overdue mark after every step): the completion rate
 * (closed-out / cases not withdrawn; 1 for a town without cases) and the open cases past their deadline, listed as
 * evidence.
 */
final class CaseIndicators {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** How many overdue cases a town's value lists as evidence (the basis gives the count). */
    static final int EVIDENCE_LIMIT = 30;

    private CaseIndicators() {
    }

    /** A town's figures at the cut-off. */
    record Figures(int cases, int closed, int overdue, List<EvidenceLink> overdueCases) {
    }

    static Map<String, Figures> figures(JdbcClient jdbc, Divisions divisions, DivisionCode district, LocalDate cutOff) {
        Timestamp at = Timestamp.from(cutOff.plusDays(1).atStartOfDay(CHINA).toInstant().minusNanos(1000));
        Map<String, Figures> out = new LinkedHashMap<>();
        for (Division town : divisions.children(district)) {
            out.put(town.code().value(), new Figures(0, 0, 0, List.of()));
        }
        String open = CaseState.openSql("a.state");
        Map<String, List<EvidenceLink>> links = new HashMap<>();
        jdbc.sql("""
                        SELECT substring(c.division_code, 1, 9) AS town, c.id, c.enterprise_name, c.deadline, a.state,
                               (%s AND (a.overdue OR c.deadline < CAST(:cutOff AS date))) AS overdue
                          FROM rectification_case c
                          CROSS JOIN LATERAL (SELECT s.state, s.overdue FROM rectification_step s
                                               WHERE s.case_id = c.id AND s.at <= :at ORDER BY s.id DESC LIMIT 1) a
                         WHERE c.division_code LIKE :prefix || '%%' AND a.state <> 'WITHDRAWN'
                         ORDER BY c.id
                        """.formatted(open))
                .param("at", at).param("cutOff", cutOff).param("prefix", district.prefix())
                .query(rs -> {
                    String town = rs.getString(1);
                    Figures f = out.get(town);
                    if (f == null) {
                        return;
                    }
                    boolean closed = CaseState.CLOSED_OUT.name().equals(rs.getString(5));
                    boolean overdue = rs.getBoolean(6);
                    if (overdue) {
                        List<EvidenceLink> l = links.computeIfAbsent(town, t -> new ArrayList<>());
                        if (l.size() < EVIDENCE_LIMIT) {
                            long id = rs.getLong(2);
                            l.add(new EvidenceLink("CASE", Long.toString(id), rs.getString(3) + "（期限 " + rs.getDate(4) + "，截止日未完成）",
                                    "/cases/" + id));
                        }
                    }
                    out.put(town, new Figures(f.cases() + 1, f.closed() + (closed ? 1 : 0), f.overdue() + (overdue ? 1 : 0), List.of()));
                });
        out.replaceAll((town, f) -> new Figures(f.cases(), f.closed(), f.overdue(), links.getOrDefault(town, List.of())));
        return out;
    }

    /** 整治完成率. */
    @Component
    static class CompletionRate implements AssessmentIndicator {

        private final JdbcClient jdbc;
        private final Divisions divisions;

        CompletionRate(JdbcClient jdbc, Divisions divisions) {
            this.jdbc = jdbc;
            this.divisions = divisions;
        }

        @Override
        public String code() {
            return AssessmentScheme.COMPLETION_RATE;
        }

        @Override
        public Map<String, IndicatorValue> values(DivisionCode district, LocalDate from, LocalDate to) {
            return values(district, from, to, to);
        }

        @Override
        public Map<String, IndicatorValue> values(DivisionCode district, LocalDate from, LocalDate to, LocalDate cutOff) {
            Map<String, IndicatorValue> out = new LinkedHashMap<>();
            figures(jdbc, divisions, district, cutOff).forEach((town, f) -> out.put(town, f.cases() == 0
                    ? new IndicatorValue(BigDecimal.ONE.setScale(4), "无整治任务", List.of())
                    : new IndicatorValue(BigDecimal.valueOf(f.closed()).divide(BigDecimal.valueOf(f.cases()), 4, RoundingMode.HALF_UP),
                    "销号 " + f.closed() + " / 整治 " + f.cases() + "（截至 " + cutOff + "）", List.of())));
            return out;
        }
    }

    /** 逾期未完成整治数. */
    @Component
    static class OverdueCases implements AssessmentIndicator {

        private final JdbcClient jdbc;
        private final Divisions divisions;

        OverdueCases(JdbcClient jdbc, Divisions divisions) {
            this.jdbc = jdbc;
            this.divisions = divisions;
        }

        @Override
        public String code() {
            return AssessmentScheme.OVERDUE_CASES;
        }

        @Override
        public Map<String, IndicatorValue> values(DivisionCode district, LocalDate from, LocalDate to) {
            return values(district, from, to, to);
        }

        @Override
        public Map<String, IndicatorValue> values(DivisionCode district, LocalDate from, LocalDate to, LocalDate cutOff) {
            Map<String, IndicatorValue> out = new LinkedHashMap<>();
            figures(jdbc, divisions, district, cutOff).forEach((town, f) -> out.put(town, new IndicatorValue(BigDecimal.valueOf(f.overdue()),
                    "截至 " + cutOff + " 逾期未完成 " + f.overdue() + " 件（在办 " + (f.cases() - f.closed()) + " 件）", f.overdueCases())));
            return out;
        }
    }
}
