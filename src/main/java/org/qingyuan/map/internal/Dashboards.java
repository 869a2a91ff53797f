package org.qingyuan.map.internal;

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
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.statistics.Dimension;
import org.qingyuan.statistics.LedgerStatistics;
import org.qingyuan.statistics.Tally;
import org.qingyuan.statistics.TallyRow;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The figures of a district's or a town's home page, all from the statistics module (as of today, and as of the end of
 * each of the last weeks) and the map's open-work query. A past week's tally is kept per node (history of a past instant
 * does not change); today's figures are kept a minute, so a wall screen and many leaders opening the page cost one
 * computation a minute.
 */
@Service
public class Dashboards {

    static final int WEEKS = 8;
    private static final long FRESH_MILLIS = 60_000;

    private final LedgerStatistics statistics;
    private final MapQueries queries;
    private final Divisions divisions;
    private final Clock clock;
    private final Map<String, Tally> pastWeeks = new ConcurrentHashMap<>();
    private final Map<String, Timed> current = new ConcurrentHashMap<>();

    private record Timed(long at, Overview overview) {
    }

    Dashboards(LedgerStatistics statistics, MapQueries queries, Divisions divisions, Clock clock) {
        this.statistics = statistics;
        this.queries = queries;
        this.divisions = divisions;
        this.clock = clock;
    }

    /**
     * What a district or town home page shows.
     *
     * @param total the whole jurisdiction's figures today (this week's found, closed out and reopened)
     * @param placeLabel 镇（街道） or 村（社区）
     */
    public record Overview(TallyRow total, String placeLabel, List<Chart> charts, LocalDate asOf, LocalDate weekStart) {
    }

    public Overview overview(Scope scope) {
        String key = scope.prefix() + "|" + scope.grids();
        long now = clock.millis();
        Timed cached = current.get(key);
        if (cached != null && now - cached.at() < FRESH_MILLIS && cached.overview().asOf().equals(queries.today())) {
            return cached.overview();
        }
        Overview overview = compute(scope);
        if (current.size() > 1000) {
            current.clear();
        }
        current.put(key, new Timed(now, overview));
        return overview;
    }

    private Overview compute(Scope scope) {
        LocalDate today = queries.today();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        boolean town = scope.division().level() == DivisionLevel.TOWN;
        Dimension places = town ? Dimension.VILLAGE : Dimension.TOWN;
        Tally byPlace = statistics.tally(scope, null, places, today, monday);
        List<Chart> charts = new ArrayList<>();
        charts.add(weekly(scope, today));
        charts.add(work(scope, town));
        charts.add(place(byPlace));
        for (Dimension d : List.of(Dimension.CATEGORY, Dimension.MEASURE, Dimension.STATE)) {
            charts.add(totals(statistics.tally(scope, null, d, today, monday)));
        }
        return new Overview(byPlace.total(), places.label(), charts, today, monday);
    }

    /** Per week (Monday to Sunday; this week to today): completion rate, found vs closed out, rebounds. */
    private Chart weekly(Scope scope, LocalDate today) {
        List<String> labels = new ArrayList<>();
        List<Number> rate = new ArrayList<>(), found = new ArrayList<>(), closed = new ArrayList<>(), reopened = new ArrayList<>();
        List<String> links = new ArrayList<>();
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int i = WEEKS - 1; i >= 0; i--) {
            LocalDate start = thisMonday.minusWeeks(i);
            LocalDate end = i == 0 ? today : start.plusDays(6);
            Tally t = i == 0 ? statistics.tally(scope, null, Dimension.TYPE, end, start) : pastWeek(scope, start, end);
            TallyRow r = t.total();
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

    private Tally pastWeek(Scope scope, LocalDate start, LocalDate end) {
        String key = scope.prefix() + "|" + scope.grids() + "|" + start;
        if (pastWeeks.size() > 10_000) {
            pastWeeks.clear();
        }
        return pastWeeks.computeIfAbsent(key, k -> statistics.tally(scope, null, Dimension.TYPE, end, start));
    }

    /** Open cases overdue and due soon per town (village), each linked to the case list so filtered. */
    private Chart work(Scope scope, boolean town) {
        Map<String, MapQueries.WorkByPlace> byCode = new LinkedHashMap<>();
        queries.workByPlace(scope, town ? 12 : 9).forEach(w -> byCode.put(w.divisionCode(), w));
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

    /** Per town (village): to be rectified and closed out today. */
    private Chart place(Tally t) {
        List<String> labels = new ArrayList<>(), links = new ArrayList<>();
        List<Number> to = new ArrayList<>(), closed = new ArrayList<>();
        for (TallyRow r : t.rows()) {
            labels.add(Division.shortName(r.label()));
            to.add(r.toRectify());
            closed.add(r.closedOut());
            links.add(enterprises(t, r.key(), "toRectify"));
        }
        return new Chart("places", "各" + t.by().label() + "应整治与已销号", "bar", labels,
                List.of(new Chart.Series("应整治", to), new Chart.Series("已销号", closed)), links);
    }

    /** The jurisdiction's enterprises by category, measure or case state. */
    private Chart totals(Tally t) {
        List<String> labels = new ArrayList<>(), links = new ArrayList<>();
        List<Number> totals = new ArrayList<>();
        for (TallyRow r : t.rows()) {
            if (r.total() == 0) {
                continue;
            }
            labels.add(r.label());
            totals.add(r.total());
            links.add(enterprises(t, r.key(), null));
        }
        String id = t.by().parameter();
        return new Chart(id, "按" + t.by().label(), t.by() == Dimension.MEASURE ? "pie" : "bar", labels,
                List.of(new Chart.Series("企业数", totals)), links);
    }

    private static String enterprises(Tally t, String key, String figure) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/statistics/enterprises")
                .queryParam("division", t.division().value()).queryParam("asOf", t.asOf()).queryParam("from", t.from())
                .queryParam("by", t.by().parameter()).queryParam("key", key);
        if (figure != null) {
            b.queryParam("figure", figure);
        }
        return b.build().encode().toUriString();
    }

    static boolean town(DivisionCode d) {
        return d.level() == DivisionLevel.TOWN;
    }
}
