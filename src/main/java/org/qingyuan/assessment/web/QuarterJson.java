package org.qingyuan.assessment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.assessment.EvidenceLink;
import org.qingyuan.assessment.IndicatorValue;
import org.qingyuan.assessment.Quarter;
import org.qingyuan.assessment.Ranking;
import org.qingyuan.policy.AssessmentScheme;

/** A quarter in the API: its state, scheme, digest, and the ranking with every intermediate number and the evidence. */
record QuarterJson(int year, int quarter, String label, String state, String stateName, LocalDate from, LocalDate to,
                   LocalDate cutOff, String inputsDigest, Instant frozenAt, String frozenBy, Instant publishedAt, String publishedBy,
                   String bulletin, String bulletinSm3, int version, List<IndicatorJson> indicators, List<RowJson> ranking) {

    record IndicatorJson(String code, String name, String direction, int weight, BigDecimal effectiveWeight, Boolean counted,
                         List<String> missing, String source) {
    }

    record CellJson(String code, BigDecimal value, String display, String basis, BigDecimal normalised, BigDecimal points,
                    List<EvidenceLink> evidence) {
    }

    record RowJson(int rank, String town, String name, BigDecimal score, List<CellJson> cells) {
    }

    static QuarterJson of(Quarter q) {
        String path = "/api/v1/assessment/quarters/" + q.key().year() + "/" + q.key().quarter();
        List<IndicatorJson> indicators = new ArrayList<>();
        List<RowJson> rows = new ArrayList<>();
        if (q.ranking() == null) {
            for (AssessmentScheme.Indicator i : q.scheme().indicators()) {
                indicators.add(new IndicatorJson(i.code(), i.name(), i.direction().name(), i.weight(), null, null, List.of(), i.source()));
            }
        } else {
            for (Ranking.Weight w : q.ranking().weights()) {
                indicators.add(new IndicatorJson(w.code(), w.name(), w.direction(), w.declared(), w.effective(), w.counted(), w.missing(),
                        q.scheme().indicator(w.code()).map(AssessmentScheme.Indicator::source).orElse("")));
            }
            for (Ranking.Row r : q.ranking().rows()) {
                List<CellJson> cells = new ArrayList<>();
                for (Ranking.Cell c : r.cells()) {
                    IndicatorValue v = q.inputs().value(c.code(), r.town());
                    cells.add(new CellJson(c.code(), c.value(), AssessmentViews.display(c.code(), c.value()), c.basis(), c.normalised(),
                            c.points(), v == null ? List.of() : v.evidence()));
                }
                rows.add(new RowJson(r.rank(), r.town(), r.name(), r.score(), cells));
            }
        }
        return new QuarterJson(q.key().year(), q.key().quarter(), q.key().label(), q.state().name(), q.state().label(), q.key().first(),
                q.key().last(), q.cutOff(), q.inputsDigest(), q.frozenAt(), q.frozenBy(), q.publishedAt(), q.publishedBy(),
                q.bulletinName() == null ? null : path + "/bulletin", q.bulletinSm3(), q.version(), indicators, rows);
    }
}
