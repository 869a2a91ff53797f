package org.qingyuan.statistics.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.Page;
import org.qingyuan.shared.RequestValues;
import org.qingyuan.statistics.CountedEnterprise;
import org.qingyuan.statistics.Dimension;
import org.qingyuan.statistics.Figure;
import org.qingyuan.statistics.LedgerStatistics;
import org.qingyuan.statistics.StatisticsTables;
import org.qingyuan.statistics.Tally;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 统计分析: the figures of a division as of a date, each linked to its enterprises; the 统计表 export. */
@Controller
@RequestMapping("/statistics")
class StatisticsPageController {

    static final List<Figure> COLUMNS = List.of(Figure.TOTAL, Figure.TO_RECTIFY, Figure.CLOSED_OUT, Figure.FOUND,
            Figure.CLOSED_OUT_IN_PERIOD, Figure.REOPENED, Figure.OVERDUE);

    private final LedgerStatistics statistics;
    private final StatisticsTables tables;
    private final Divisions divisions;
    private final RouteAccess routes;

    StatisticsPageController(LedgerStatistics statistics, StatisticsTables tables, Divisions divisions, RouteAccess routes) {
        this.statistics = statistics;
        this.tables = tables;
        this.divisions = divisions;
        this.routes = routes;
    }

    @Bean
    static NavigationItem statisticsNavigation() {
        return new NavigationItem("报表统计", "统计分析", "/statistics", 500);
    }

    /** A link builder for the template: the enterprises behind a figure. */
    public record Links(Tally tally) {
        public String of(String key, Figure figure) {
            return StatisticsLinks.enterprises(tally, key, figure);
        }
    }

    @GetMapping
    String show(@RequestParam Map<String, String> p, Model model) {
        CurrentUser user = CurrentUsers.require();
        Tally tally = tally(user, p);
        model.addAttribute("tally", tally);
        model.addAttribute("links", new Links(tally));
        model.addAttribute("columns", COLUMNS);
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("towns", towns(user));
        model.addAttribute("division", p.getOrDefault("division", ""));
        model.addAttribute("exportQuery", "division=" + tally.division().value() + "&by=" + tally.by().parameter()
                + "&asOf=" + tally.asOf() + "&from=" + tally.from());
        model.addAttribute("canExport", routes.allows(user, "GET", "/statistics/export"));
        return "statistics/index";
    }

    @GetMapping("/enterprises")
    String enterprises(@RequestParam Map<String, String> p, Model model) {
        CurrentUser user = CurrentUsers.require();
        Dimension by = Dimension.of(p.get("by"));
        Figure figure = Figure.of(p.get("figure"));
        int page = RequestValues.nonNegative("page", p.get("page"), 0);
        Page<CountedEnterprise> list = statistics.enterprises(user.scope(), StatisticsApiController.division(p), by,
                p.get("key"), figure, RequestValues.date("asOf", p.get("asOf")), RequestValues.date("from", p.get("from")),
                page, 50);
        Tally tally = tally(user, p);
        String key = p.get("key");
        String group = key == null || key.isBlank() || "TOTAL".equals(key) ? tally.divisionName()
                : tally.rows().stream().filter(r -> r.key().equals(key)).map(r -> r.label()).findFirst().orElse(key);
        model.addAttribute("tally", tally);
        model.addAttribute("back", "/statistics?division=" + tally.division().value() + "&by=" + tally.by().parameter()
                + "&asOf=" + tally.asOf() + "&from=" + tally.from());
        model.addAttribute("group", group);
        model.addAttribute("figure", figure);
        model.addAttribute("list", list);
        model.addAttribute("pages", list.totalPages());
        model.addAttribute("prefix", StatisticsLinks.enterprises(tally, key, figure) + "&page=");
        return "statistics/enterprises";
    }

    @GetMapping("/export")
    void export(@RequestParam Map<String, String> p, HttpServletResponse response) throws IOException {
        Tally tally = tally(CurrentUsers.require(), p);
        String name = tally.divisionName() + "统计表-" + tally.asOf() + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"statistics.xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        try (OutputStream out = response.getOutputStream()) {
            tables.write(tally, out);
        }
    }

    private Tally tally(CurrentUser user, Map<String, String> p) {
        return statistics.tally(user.scope(), StatisticsApiController.division(p), Dimension.of(p.get("by")),
                RequestValues.date("asOf", p.get("asOf")), RequestValues.date("from", p.get("from")));
    }

    /** The towns the caller may pick (a town officer's own, a district's every town). */
    private List<Division> towns(CurrentUser user) {
        Division root = divisions.get(user.scope().division());
        if (root.level() == DivisionLevel.TOWN || root.level() == DivisionLevel.VILLAGE) {
            return List.of();
        }
        return divisions.children(root.code()).stream().filter(d -> d.level() == DivisionLevel.TOWN).toList();
    }
}
