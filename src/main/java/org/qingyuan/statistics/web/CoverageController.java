package org.qingyuan.statistics.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.grid.Grids;
import org.qingyuan.patrol.Coverage;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.RequestValues;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 巡查覆盖 (issue 16 §5): whether patrols really reached the ledger's sites, by grid, village or town, for any period —
 * the page {@code /statistics/coverage} and {@code GET /api/v1/statistics/coverage} (with the never-visited enterprises
 * of a row under {@code …/coverage/unvisited}).
 */
@Controller
class CoverageController {

    private final Coverage coverage;
    private final Grids grids;

    CoverageController(Coverage coverage, Grids grids) {
        this.coverage = coverage;
        this.grids = grids;
    }

    @Bean
    static NavigationItem coverageNavigation() {
        return new NavigationItem("报表统计", "巡查覆盖", "/statistics/coverage", 505);
    }

    record RowJson(String key, String label, int enterprises, int visited, int unvisited, Double rate, int dayPatrols,
                   Integer nightPatrols, String link) {
    }

    record TableJson(String division, String divisionName, LocalDate from, LocalDate to, String by, int maxDistanceM, RowJson total,
                     List<RowJson> rows) {
    }

    @GetMapping("/api/v1/statistics/coverage")
    @ResponseBody
    TableJson api(@RequestParam Map<String, String> p) {
        return json(table(p));
    }

    @GetMapping("/api/v1/statistics/coverage/unvisited")
    @ResponseBody
    List<Coverage.Unvisited> unvisited(@RequestParam Map<String, String> p) {
        return coverage.unvisited(scope(), StatisticsApiController.division(p), by(p.get("by")), p.get("key"),
                RequestValues.date("from", p.get("from")), RequestValues.date("to", p.get("to")));
    }

    @GetMapping("/statistics/coverage")
    String page(@RequestParam Map<String, String> p, Model model) {
        Coverage.Table t = table(p);
        model.addAttribute("table", json(t));
        model.addAttribute("by", t.by().name().toLowerCase(Locale.ROOT));
        String key = p.get("key");
        if (key != null && !key.isBlank()) {
            model.addAttribute("key", key);
            model.addAttribute("keyLabel", key.equals("TOTAL") ? "合计" : t.rows().stream().filter(r -> r.key().equals(key))
                    .map(Coverage.Row::label).findFirst().orElse(key));
            model.addAttribute("unvisited", coverage.unvisited(scope(), t.division(), t.by(), key, t.from(), t.to()));
        }
        return "statistics/coverage";
    }

    private Coverage.Table table(Map<String, String> p) {
        return coverage.table(scope(), StatisticsApiController.division(p), by(p.get("by")), RequestValues.date("from", p.get("from")),
                RequestValues.date("to", p.get("to")));
    }

    private Scope scope() {
        CurrentUser user = CurrentUsers.require();
        return grids.scopeOf(user);
    }

    private static Coverage.By by(String raw) {
        if (raw == null || raw.isBlank()) {
            return Coverage.By.GRID;
        }
        try {
            return Coverage.By.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("by", "分组方式应为 grid、village 或 town，实际为“" + raw + "”");
        }
    }

    private static TableJson json(Coverage.Table t) {
        String base = "/api/v1/statistics/coverage/unvisited?division=" + t.division().value() + "&by=" + t.by().name().toLowerCase(Locale.ROOT)
                + "&from=" + t.from() + "&to=" + t.to() + "&key=";
        return new TableJson(t.division().value(), t.divisionName(), t.from(), t.to(), t.by().name().toLowerCase(Locale.ROOT),
                t.maxDistanceM(), row(t.total(), base), t.rows().stream().map(r -> row(r, base)).toList());
    }

    private static RowJson row(Coverage.Row r, String base) {
        return new RowJson(r.key(), r.label(), r.enterprises(), r.visited(), r.unvisited(), r.rate(), r.dayPatrols(), r.nightPatrols(),
                base + r.key());
    }
}
