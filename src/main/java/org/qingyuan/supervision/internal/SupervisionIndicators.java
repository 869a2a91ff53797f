package org.qingyuan.supervision.internal;

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
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.supervision.TownEstimate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Supervision's two indicators of the quarterly assessment: 督查发现问题 (the problems supervision found in the town in
 * the quarter; those contradicting a close-out the town had reported are named) and 销号属实率 (the estimate of how
 * many close-outs hold up, from the last round drawn in the quarter, with its 95% interval in the basis).
 */
@Configuration
class SupervisionIndicators {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int EVIDENCE_LIMIT = 30;

    @Bean
    AssessmentIndicator supervisionFindingsIndicator(JdbcClient jdbc, Divisions divisions) {
        return new AssessmentIndicator() {
            @Override
            public String code() {
                return AssessmentScheme.SUPERVISION_FINDINGS;
            }

            @Override
            public Map<String, IndicatorValue> values(DivisionCode district, LocalDate from, LocalDate to) {
                Map<String, int[]> counts = new HashMap<>();
                Map<String, List<EvidenceLink>> links = new HashMap<>();
                jdbc.sql("""
                                SELECT town_code, id, enterprise_name, reopened_case, found_at FROM supervision_problem
                                 WHERE town_code LIKE :prefix || '%' AND found_at >= :from AND found_at < :to ORDER BY found_at, id
                                """)
                        .param("prefix", district.prefix())
                        .param("from", Timestamp.from(from.atStartOfDay(CHINA).toInstant()))
                        .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(CHINA).toInstant()))
                        .query(rs -> {
                            String town = rs.getString(1);
                            int[] c = counts.computeIfAbsent(town, t -> new int[2]);
                            c[0]++;
                            boolean contradicted = rs.getBoolean(4);
                            if (contradicted) {
                                c[1]++;
                            }
                            List<EvidenceLink> l = links.computeIfAbsent(town, t -> new ArrayList<>());
                            if (l.size() < EVIDENCE_LIMIT) {
                                long id = rs.getLong(2);
                                l.add(new EvidenceLink("SUPERVISION_FINDING", Long.toString(id), "督查发现：" + rs.getString(3)
                                        + (contradicted ? "（已销号企业，销号不实）" : ""), "/supervision/problems/" + id));
                            }
                        });
                Map<String, IndicatorValue> out = new LinkedHashMap<>();
                for (Division town : divisions.children(district)) {
                    int[] c = counts.getOrDefault(town.code().value(), new int[2]);
                    out.put(town.code().value(), new IndicatorValue(BigDecimal.valueOf(c[0]),
                            from + " 至 " + to + " 督查发现问题 " + c[0] + " 个" + (c[1] > 0 ? "，其中销号不实 " + c[1] + " 个" : ""),
                            links.getOrDefault(town.code().value(), List.of())));
                }
                return out;
            }
        };
    }

    @Bean
    AssessmentIndicator holdUpRateIndicator(JdbcClient jdbc, RoundService rounds) {
        return new AssessmentIndicator() {
            @Override
            public String code() {
                return AssessmentScheme.HOLD_UP_RATE;
            }

            @Override
            public Map<String, IndicatorValue> values(DivisionCode district, LocalDate from, LocalDate to) {
                Map<String, IndicatorValue> out = new LinkedHashMap<>();
                var round = jdbc.sql("""
                                SELECT id, name FROM supervision_round WHERE district_code = :district AND drawn_at >= :from AND drawn_at < :to
                                 ORDER BY (state = 'FINISHED') DESC, drawn_at DESC, id DESC LIMIT 1
                                """)
                        .param("district", district.value())
                        .param("from", Timestamp.from(from.atStartOfDay(CHINA).toInstant()))
                        .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(CHINA).toInstant()))
                        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
                if (round.isEmpty()) {
                    return out;
                }
                long id = (Long) round.get()[0];
                String name = (String) round.get()[1];
                for (TownEstimate e : rounds.estimatesOf(id)) {
                    if (e.closedOut() == 0) {
                        // nothing reported closed out: no close-out can be false
                        out.put(e.townCode(), new IndicatorValue(BigDecimal.ONE, "“" + name + "”抽样时本镇（街道）无已销号企业",
                                List.of(new EvidenceLink("SUPERVISION_ROUND", Long.toString(id), name, "/supervision/rounds/" + id))));
                        continue;
                    }
                    if (e.holdUp().rate() == null) {
                        // close-outs not yet inspected: no estimate (the indicator shows 无数据 until they are)
                        continue;
                    }
                    out.put(e.townCode(), new IndicatorValue(BigDecimal.valueOf(e.holdUp().rate()).setScale(4, RoundingMode.HALF_EVEN),
                            "“" + name + "”检查已销号企业 " + e.holdUp().inspected() + " 家，属实 " + e.holdUp().heldUp() + " 家，95% 区间 "
                                    + percent(e.holdUp().low()) + "–" + percent(e.holdUp().high())
                                    + (e.possiblyOverReporting() ? "，上报完成率高于区间，可能假报" : ""),
                            List.of(new EvidenceLink("SUPERVISION_ROUND", Long.toString(id), name, "/supervision/rounds/" + id))));
                }
                return out;
            }
        };
    }

    static String percent(double v) {
        return BigDecimal.valueOf(v * 100).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
