package org.qingyuan.statistics.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.Page;
import org.qingyuan.shared.RequestValues;
import org.qingyuan.statistics.CountedEnterprise;
import org.qingyuan.statistics.Dimension;
import org.qingyuan.statistics.Figure;
import org.qingyuan.statistics.LedgerStatistics;
import org.qingyuan.statistics.Tally;
import org.qingyuan.statistics.TallyRow;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statistics as JSON: {@code GET /api/v1/statistics/ledger?division=&by=&asOf=&from=} answers
 * {@code {division, asOf, by, total, rows: [{key, label, count, link}]}} (count: enterprises in the ledger at the date;
 * each row also carries every figure, and {@code links} to the enterprises behind each);
 * {@code GET /api/v1/statistics/ledger/enterprises?…&key=&figure=} lists those enterprises.
 */
@RestController
@RequestMapping("/api/v1/statistics/ledger")
class StatisticsApiController {

    private final LedgerStatistics statistics;

    StatisticsApiController(LedgerStatistics statistics) {
        this.statistics = statistics;
    }

    record RowJson(String key, String label, int count, String link, Map<String, Integer> figures, BigDecimal completionRate,
                   Map<String, String> links) {
    }

    record TallyJson(String division, String divisionName, LocalDate asOf, LocalDate from, String by, int total,
                     Map<String, Integer> figures, BigDecimal completionRate, List<RowJson> rows) {
    }

    record EnterpriseJson(long id, String name, String divisionCode, String divisionName, String type, String category,
                          String measure, String state, boolean overdue, String link) {
    }

    record EnterprisesJson(List<EnterpriseJson> items, int page, int size, long total) {
    }

    @GetMapping
    TallyJson tally(@RequestParam Map<String, String> p) {
        Tally t = statistics.tally(CurrentUsers.require().scope(), division(p), Dimension.of(p.get("by")),
                RequestValues.date("asOf", p.get("asOf")), RequestValues.date("from", p.get("from")));
        List<RowJson> rows = t.rows().stream().map(r -> new RowJson(r.key(), r.label(), r.total(),
                StatisticsLinks.enterprises(t, r.key(), Figure.TOTAL), figures(r), r.completionRate(), links(t, r.key())))
                .toList();
        return new TallyJson(t.division().value(), t.divisionName(), t.asOf(), t.from(), t.by().parameter(), t.total().total(),
                figures(t.total()), t.total().completionRate(), rows);
    }

    @GetMapping("/enterprises")
    EnterprisesJson enterprises(@RequestParam Map<String, String> p) {
        Page<CountedEnterprise> page = statistics.enterprises(CurrentUsers.require().scope(), division(p),
                Dimension.of(p.get("by")), p.get("key"), Figure.of(p.get("figure")), RequestValues.date("asOf", p.get("asOf")),
                RequestValues.date("from", p.get("from")), RequestValues.nonNegative("page", p.get("page"), 0),
                Math.min(500, Math.max(1, RequestValues.nonNegative("size", p.get("size"), 50))));
        return new EnterprisesJson(page.items().stream().map(e -> new EnterpriseJson(e.id(), e.name(), e.divisionCode(),
                e.divisionName(), e.typeLabel(), e.categoryLabel(), e.measureLabel(), e.stateLabel(), e.overdue(),
                "/enterprises/" + e.id())).toList(), page.page(), page.size(), page.total());
    }

    static DivisionCode division(Map<String, String> p) {
        String d = p.get("division");
        return d == null || d.isBlank() ? null : InvalidInputException.divisionCode("division", d.strip());
    }

    private static Map<String, Integer> figures(TallyRow r) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Figure f : Figure.values()) {
            m.put(f.parameter(), r.get(f));
        }
        return m;
    }

    private static Map<String, String> links(Tally t, String key) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Figure f : Figure.values()) {
            m.put(f.parameter(), StatisticsLinks.enterprises(t, key, f));
        }
        return m;
    }
}
