package org.qingyuan.map.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.qingyuan.access.Scope;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.reporting.ReportPunctuality;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.statistics.Dimension;
import org.qingyuan.statistics.LedgerStatistics;
import org.qingyuan.statistics.Tally;
import org.qingyuan.statistics.TallyRow;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The figures of a district's or a town's home page: today's from one grouped statement over the map's read model (the
 * ledger and the cases as they are now), the weeks' from the statistics module (as of the end of each of the last
 * weeks, reconstructed from history). A past week's tally is kept per node (the history of a past instant does not
 * change); the current week's for a minute; today's while nothing in the jurisdiction changed ({@link KeptOverviews}). The weeks are served apart ({@code /api/v1/map/weekly}) so that the page
 * never waits for them.
 */
@Service
public class Dashboards {

    static final int WEEKS = 8;
    private static final long FRESH_MILLIS = 60_000;

    private final LedgerStatistics statistics;
    private final MapQueries queries;
    private final Divisions divisions;
    private final ReportPunctuality reports;
    private final KeptOverviews kept;
    private final Clock clock;
    private final Map<String, Tally> pastWeeks = new ConcurrentHashMap<>();
    private final Map<String, Timed> currentWeek = new ConcurrentHashMap<>();

    private record Timed(long at, Tally tally) {
    }

    Dashboards(LedgerStatistics statistics, MapQueries queries, Divisions divisions, ReportPunctuality reports,
               KeptOverviews kept, Clock clock) {
        this.reports = reports;
        this.kept = kept;
        this.statistics = statistics;
        this.queries = queries;
        this.divisions = divisions;
        this.clock = clock;
    }

    /**
     * What a district or town home page shows at once.
     *
     * @param completionRate closed out ÷ to be rectified in per cent, null when nothing is to be rectified
     * @param placeLabel 镇（街道） or 村（社区）
     */
    public record Overview(long total, long toRectify, long closedOut, BigDecimal completionRate, long overdue,
                           String placeLabel, List<Chart> charts, LocalDate asOf, LocalDate weekStart) {
    }

    /**
     * Today's figures of the jurisdiction: kept while no transaction changed it, the changed enterprises read again
     * after one ({@link KeptOverviews}), so that a change shows at the next reload; the 报送 chart is read on every request.
     */
    public Overview overview(Scope scope) {
        return count(scope);
    }

    private Overview count(Scope scope) {
        LocalDate today = queries.today();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        boolean town = scope.division().level() == DivisionLevel.TOWN;
        int digits = town ? 12 : 9;
        KeptOverviews.Figures figures = kept.figures(scope, digits, today, (divisions, enterprises) -> queries.sites(scope, divisions, enterprises));
        Map<String, Map<String, MapQueries.Count>> counts = new LinkedHashMap<>();
        for (MapQueries.Count c : figures.counts()) {
            counts.computeIfAbsent(c.grouping(), g -> new LinkedHashMap<>()).put(c.key(), c);
        }
        MapQueries.Count total = counts.getOrDefault("total", Map.of()).values().stream().findFirst()
                .orElse(new MapQueries.Count("total", null, null, 0, 0, 0, 0));
        Links links = new Links(scope.division().value(), today, monday);
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("weekly", "每周进展：发现、销号、反弹与完成率", "line", List.of(), List.of(), List.of()));
        charts.add(work(scope, town, figures.work()));
        charts.add(places(scope, town, counts.getOrDefault("place", Map.of()), links));
        charts.add(grouped(Dimension.CATEGORY, counts.getOrDefault("category", Map.of()), links));
        charts.add(grouped(Dimension.MEASURE, counts.getOrDefault("measure", Map.of()), links));
        charts.add(grouped(Dimension.STATE, counts.getOrDefault("state", Map.of()), links));
        if (!town) {
            charts.add(reports(scope));
        }
        BigDecimal rate = total.toRectify() == 0 ? null : BigDecimal.valueOf(total.closedOut() * 100L)
                .divide(BigDecimal.valueOf(total.toRectify()), 1, RoundingMode.HALF_UP);
        return new Overview(total.total(), total.toRectify(), total.closedOut(), rate, total.overdue(),
                town ? Dimension.VILLAGE.label() : Dimension.TOWN.label(), charts, today, monday);
    }

    /** Per week (Monday to Sunday; this week to today): found, closed out, rebounds, completion rate at its end. */
    public Chart weekly(Scope scope) {
        LocalDate today = queries.today();
        List<String> labels = new ArrayList<>(), links = new ArrayList<>();
        List<Number> rate = new ArrayList<>(), found = new ArrayList<>(), closed = new ArrayList<>(), reopened = new ArrayList<>();
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int i = WEEKS - 1; i >= 0; i--) {
            LocalDate start = thisMonday.minusWeeks(i);
            LocalDate end = i == 0 ? today : start.plusDays(6);
            TallyRow r = (i == 0 ? thisWeek(scope, today, start) : pastWeek(scope, start, end)).total();
            labels.add(start.getMonthValue() + "/" + start.getDayOfMonth() + "周");
            rate.add(r.completionRate() == null ? 0 : r.completionRate());
            found.add(r.found());
            closed.add(r.closedOutInPeriod());
            reopened.add(r.reopened());
            links.add(UriComponentsBuilder.fromPath("/statistics").queryParam("asOf", end).queryParam("from", start)
                    .build().toUriString());
        }
        return new Chart("weekly", "每周进展：发现、销号、反弹与完成率", "line", labels,
                List.of(new Chart.Series("本周发现", found), new Chart.Series("本周销号", closed),
                        new Chart.Series("本周反弹", reopened), new Chart.Series("完成率（%）", rate, true)), links);
    }

    private Tally thisWeek(Scope scope, LocalDate today, LocalDate start) {
        String key = scope.prefix() + "|" + scope.grids() + "|" + today;
        Timed cached = currentWeek.get(key);
        if (cached != null && clock.millis() - cached.at() < FRESH_MILLIS) {
            return cached.tally();
        }
        Tally t = statistics.tally(scope, null, Dimension.TYPE, today, start);
        if (currentWeek.size() > 1000) {
            currentWeek.clear();
        }
        currentWeek.put(key, new Timed(clock.millis(), t));
        return t;
    }

    private Tally pastWeek(Scope scope, LocalDate start, LocalDate end) {
        String key = scope.prefix() + "|" + scope.grids() + "|" + start;
        if (pastWeeks.size() > 10_000) {
            pastWeeks.clear();
        }
        return pastWeeks.computeIfAbsent(key, k -> statistics.tally(scope, null, Dimension.TYPE, end, start));
    }

    /** Open cases overdue and due soon per town (village), each linked to the case list so filtered. */
    private Chart work(Scope scope, boolean town, List<MapQueries.WorkByPlace> work) {
        Map<String, MapQueries.WorkByPlace> byCode = new LinkedHashMap<>();
        work.forEach(w -> byCode.put(w.divisionCode(), w));
        List<String> labels = new ArrayList<>(), links = new ArrayList<>();
        List<Number> overdue = new ArrayList<>(), soon = new ArrayList<>();
        for (Division d : divisions.children(scope.division())) {
            MapQueries.WorkByPlace w = byCode.get(d.code().value());
            labels.add(Division.shortName(d.name()));
            overdue.add(w == null ? 0 : w.overdue());
            soon.add(w == null ? 0 : w.dueSoon());
            links.add("/cases?overdue=true&division=" + d.code().value());
        }
        return new Chart("work", (town ? "各村（社区）" : "各镇（街道）") + "逾期与即将到期", "bar", labels,
                List.of(new Chart.Series("逾期", overdue), new Chart.Series("即将到期", soon)), links);
    }

    /**
     * 报送情况 per town: the reporting module's figures of each report's latest two periods (on time, late, missing,
     * pending), each town linked to the 报送 list of its submissions.
     */
    private Chart reports(Scope scope) {
        Map<String, ReportPunctuality.TownReports> byCode = new LinkedHashMap<>();
        reports.byTown(scope).forEach(r -> byCode.put(r.divisionCode(), r));
        List<String> labels = new ArrayList<>(), links = new ArrayList<>();
        List<Number> onTime = new ArrayList<>(), late = new ArrayList<>(), missing = new ArrayList<>(), pending = new ArrayList<>();
        for (Division d : divisions.children(scope.division())) {
            ReportPunctuality.TownReports r = byCode.get(d.code().value());
            labels.add(Division.shortName(d.name()));
            onTime.add(r == null ? 0 : r.onTime());
            late.add(r == null ? 0 : r.late());
            missing.add(r == null ? 0 : r.missing());
            pending.add(r == null ? 0 : r.pending());
            links.add("/reports?unit=" + d.code().value());
        }
        return new Chart("reports", "报送情况：各镇（街道）近两期按时、逾期与未报", "bar", labels,
                List.of(new Chart.Series("按时报送", onTime), new Chart.Series("逾期报送", late),
                        new Chart.Series("逾期未报", missing), new Chart.Series("未到期待报", pending)), links);
    }

    /** Per town (village), every one listed: to be rectified and closed out. */
    private Chart places(Scope scope, boolean town, Map<String, MapQueries.Count> byPlace, Links links) {
        Dimension by = town ? Dimension.VILLAGE : Dimension.TOWN;
        List<String> labels = new ArrayList<>(), hrefs = new ArrayList<>();
        List<Number> to = new ArrayList<>(), closed = new ArrayList<>();
        for (Division d : divisions.children(scope.division())) {
            MapQueries.Count c = byPlace.get(d.code().value());
            labels.add(Division.shortName(d.name()));
            to.add(c == null ? 0 : c.toRectify());
            closed.add(c == null ? 0 : c.closedOut());
            hrefs.add(links.enterprises(by, d.code().value(), "toRectify"));
        }
        return new Chart("places", "各" + by.label() + "应整治与已销号", "bar", labels,
                List.of(new Chart.Series("应整治", to), new Chart.Series("已销号", closed)), hrefs);
    }

    /** The jurisdiction's enterprises by category, measure or case state. */
    private Chart grouped(Dimension by, Map<String, MapQueries.Count> groups, Links links) {
        List<String> labels = new ArrayList<>(), hrefs = new ArrayList<>();
        List<Number> totals = new ArrayList<>();
        groups.values().stream().sorted((a, b) -> Long.compare(b.total(), a.total())).forEach(c -> {
            String key = c.key() != null ? c.key() : by == Dimension.CATEGORY ? "UNCLASSIFIED" : "NONE";
            labels.add(label(by, c));
            totals.add(c.total());
            hrefs.add(links.enterprises(by, key, null));
        });
        return new Chart(by.parameter(), "按" + by.label(), by == Dimension.MEASURE ? "pie" : "bar", labels,
                List.of(new Chart.Series("企业数", totals)), hrefs);
    }

    private static String label(Dimension by, MapQueries.Count c) {
        return switch (by) {
            case CATEGORY -> c.key() == null ? "未分类" : c.categoryLabel() != null ? c.categoryLabel() : c.key();
            case MEASURE -> c.key() == null ? "无处置措施" : MeasureKind.valueOf(c.key()).label();
            case STATE -> c.key() == null ? "未立案" : CaseState.valueOf(c.key()).label();
            default -> c.key();
        };
    }

    /** The statistics' list of the enterprises behind a figure, as of today. */
    private record Links(String division, LocalDate today, LocalDate monday) {

        String enterprises(Dimension by, String key, String figure) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/statistics/enterprises")
                    .queryParam("division", division).queryParam("asOf", today).queryParam("from", monday)
                    .queryParam("by", by.parameter()).queryParam("key", key);
            if (figure != null) {
                b.queryParam("figure", figure);
            }
            return b.build().encode().toUriString();
        }
    }
}
