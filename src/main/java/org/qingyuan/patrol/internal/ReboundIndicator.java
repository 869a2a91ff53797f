package org.qingyuan.patrol.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.qingyuan.shared.DivisionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 反弹 for the quarterly assessment: the rebounds (a closed-out site found producing again) that check-ins of the
 * town's patrols and revisits found in the quarter, China time; each listed as evidence with a link to its check-in.
 */
@Component
class ReboundIndicator implements AssessmentIndicator {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日").withZone(CHINA);
    private static final int EVIDENCE_LIMIT = 30;

    private final JdbcClient jdbc;
    private final Divisions divisions;

    ReboundIndicator(JdbcClient jdbc, Divisions divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    @Override
    public String code() {
        return AssessmentScheme.REBOUNDS;
    }

    @Override
    public Map<String, IndicatorValue> values(DivisionCode district, LocalDate from, LocalDate to) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, List<EvidenceLink>> links = new HashMap<>();
        jdbc.sql("""
                        SELECT substring(division_code, 1, 9), id, checked_at, case_id, note FROM patrol_check_in
                         WHERE finding = 'REBOUND' AND division_code LIKE :prefix || '%' AND checked_at >= :from AND checked_at < :to
                         ORDER BY checked_at, id
                        """)
                .param("prefix", district.prefix())
                .param("from", Timestamp.from(from.atStartOfDay(CHINA).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(CHINA).toInstant()))
                .query(rs -> {
                    String town = rs.getString(1);
                    counts.merge(town, 1, Integer::sum);
                    List<EvidenceLink> l = links.computeIfAbsent(town, t -> new ArrayList<>());
                    if (l.size() < EVIDENCE_LIMIT) {
                        long id = rs.getLong(2);
                        long caseId = rs.getLong(4);
                        String note = rs.getString(5);
                        l.add(new EvidenceLink("CHECK_IN", Long.toString(id), DAY.format(rs.getTimestamp(3).toInstant()) + " 巡查发现反弹"
                                + (rs.wasNull() ? "" : "（整治任务 #" + caseId + " 重新打开）") + (note == null || note.isBlank() ? "" : "：" + note),
                                "/patrols/check-ins/" + id));
                    }
                });
        Map<String, IndicatorValue> out = new LinkedHashMap<>();
        for (Division town : divisions.children(district)) {
            String code = town.code().value();
            int n = counts.getOrDefault(code, 0);
            out.put(code, new IndicatorValue(BigDecimal.valueOf(n), from + " 至 " + to + " 发现反弹 " + n + " 处",
                    links.getOrDefault(code, List.of())));
        }
        return out;
    }
}
