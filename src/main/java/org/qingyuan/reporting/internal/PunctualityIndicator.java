package org.qingyuan.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.assessment.AssessmentIndicator;
import org.qingyuan.assessment.EvidenceLink;
import org.qingyuan.assessment.IndicatorValue;
import org.qingyuan.policy.AssessmentScheme;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.reporting.Submission;
import org.qingyuan.shared.DivisionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 报表按时报送率 for the quarterly assessment: of each town's reports whose period starts in the quarter and whose due
 * day is not after the cut-off, the share first submitted by the end of the due day (China time; a correction keeps
 * the chain's first submission). The late and missing submissions are listed as evidence. A town with no report due
 * has no value (无数据).
 */
@Component
class PunctualityIndicator implements AssessmentIndicator {

    private static final int EVIDENCE_LIMIT = 30;

    private final JdbcClient jdbc;
    private final Divisions divisions;

    PunctualityIndicator(JdbcClient jdbc, Divisions divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    @Override
    public String code() {
        return AssessmentScheme.REPORT_PUNCTUALITY;
    }

    @Override
    public Map<String, IndicatorValue> values(DivisionCode district, LocalDate from, LocalDate to) {
        return values(district, from, to, to);
    }

    @Override
    public Map<String, IndicatorValue> values(DivisionCode district, LocalDate from, LocalDate to, LocalDate cutOff) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, List<EvidenceLink>> links = new HashMap<>();
        Timestamp asOf = Timestamp.from(cutOff.plusDays(1).atStartOfDay(Submission.CHINA_ZONE).toInstant());
        jdbc.sql("""
                        SELECT substring(unit_division, 1, 9), id, duty_title, period_label, due, first_submitted_at
                          FROM report_submission
                         WHERE unit_kind = 'TOWN' AND superseded_by IS NULL AND unit_division LIKE :prefix || '%'
                           AND period_start BETWEEN :from AND :to AND due <= :cutOff
                         ORDER BY due, id
                        """)
                .param("prefix", district.prefix()).param("from", from).param("to", to).param("cutOff", cutOff)
                .query(rs -> {
                    String town = rs.getString(1);
                    LocalDate due = rs.getDate(5).toLocalDate();
                    Timestamp first = rs.getTimestamp(6);
                    boolean submitted = first != null && first.before(asOf);
                    boolean onTime = first != null
                            && first.toInstant().isBefore(due.plusDays(1).atStartOfDay(Submission.CHINA_ZONE).toInstant());
                    int[] c = counts.computeIfAbsent(town, t -> new int[2]);
                    c[0]++;
                    if (onTime) {
                        c[1]++;
                        return;
                    }
                    List<EvidenceLink> l = links.computeIfAbsent(town, t -> new ArrayList<>());
                    if (l.size() < EVIDENCE_LIMIT) {
                        long id = rs.getLong(2);
                        l.add(new EvidenceLink("SUBMISSION", Long.toString(id), rs.getString(3) + "（" + rs.getString(4) + "，应于 " + due
                                + " 报送）" + (submitted ? "逾期报送" : "截止日未报送"), "/reports/submissions/" + id));
                    }
                });
        Map<String, IndicatorValue> out = new LinkedHashMap<>();
        for (Division town : divisions.children(district)) {
            int[] c = counts.get(town.code().value());
            if (c == null) {
                continue;
            }
            out.put(town.code().value(), new IndicatorValue(
                    BigDecimal.valueOf(c[1]).divide(BigDecimal.valueOf(c[0]), 4, RoundingMode.HALF_UP),
                    "按时 " + c[1] + " / 应报 " + c[0], links.getOrDefault(town.code().value(), List.of())));
        }
        return out;
    }
}
