package org.qingyuan.map.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.qingyuan.access.Scope;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.shared.KeptAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Today's home page figures of each jurisdiction a node has counted, kept as counts per division, category, measure and
 * case state ({@link MapQueries.DivisionCount}) with the database snapshot taken just before they were counted. Asked
 * again, one statement reads which divisions of the jurisdiction transactions invisible to that snapshot changed
 * ({@code map_change}, by trigger: enterprises added, moved or closed, classifications and cases changed): none, and the
 * kept figures are the answer; some, and only those divisions are counted again (a village's few hundred enterprises
 * instead of a district's 25,000 joined to their classifications and cases, 0.6–0.9 s on two cores at province scale);
 * more than {@value #MAX_RECOUNTED} or a truncation, and the whole jurisdiction is. So the figures are never staler than
 * the database, whatever order transactions commit in and whatever the nodes' clocks say. The snapshot is taken before
 * the count, so a transaction that commits in between is counted and still read as a change next time: one recount too
 * many, never a stale answer. A grid member's narrowed scope and figures read inside a writing transaction are not kept.
 * Figures are counted afresh at most {@code qingyuan.map.overview-keep} (10 minutes) after they were counted; {@link
 * #prune} removes, once a minute, the change rows no kept snapshot can need. At most {@value #MAX_KEPT} jurisdictions
 * and days, the least recently asked dropped first ({@link KeptAnswers}).
 */
@Component
class KeptOverviews {

    static final int MAX_KEPT = 1_000;
    /** More changed divisions than this, and the whole jurisdiction is counted again in one statement. */
    static final int MAX_RECOUNTED = 100;
    private static final Logger log = LoggerFactory.getLogger(KeptOverviews.class);

    /** What the home page's figures are made of: the grouped counts and the open work per place. */
    record Figures(List<MapQueries.Count> counts, List<MapQueries.WorkByPlace> work) {

        /**
         * The figures summed from the per-division counts, with places of {@code placeDigits}: the counts per place,
         * category, measure and state and in total (each group's key null where none applies; the category label only
         * on the category's), and the open work of each place with a case.
         */
        static Figures of(Collection<MapQueries.DivisionCount> rows, int placeDigits) {
            Map<String, Map<String, Sum>> groups = new TreeMap<>();
            Map<String, long[]> work = new TreeMap<>();
            for (MapQueries.DivisionCount r : rows) {
                String place = r.division().length() <= placeDigits ? r.division() : r.division().substring(0, placeDigits);
                add(groups, "place", place, r, null);
                add(groups, "category", r.category(), r, r.categoryLabel());
                add(groups, "measure", r.measure(), r, null);
                add(groups, "state", r.state(), r, null);
                add(groups, "total", null, r, null);
                if (r.state() != null) {
                    long[] w = work.computeIfAbsent(place, p -> new long[2]);
                    w[0] += r.overdue();
                    w[1] += r.dueSoon();
                }
            }
            List<MapQueries.Count> counts = new ArrayList<>();
            groups.forEach((grouping, sums) -> sums.forEach((key, sum) -> counts.add(new MapQueries.Count(grouping, key,
                    sum.label, sum.total, sum.toRectify, sum.closedOut, sum.overdue))));
            List<MapQueries.WorkByPlace> places = new ArrayList<>();
            work.forEach((place, w) -> places.add(new MapQueries.WorkByPlace(place, w[0], w[1])));
            return new Figures(List.copyOf(counts), List.copyOf(places));
        }

        private static void add(Map<String, Map<String, Sum>> groups, String grouping, String key, MapQueries.DivisionCount r,
                                String label) {
            Sum sum = groups.computeIfAbsent(grouping, g -> new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder())))
                    .computeIfAbsent(key, k -> new Sum());
            sum.total += r.enterprises();
            if (r.state() != null && !CaseState.WITHDRAWN.name().equals(r.state())) {
                sum.toRectify += r.enterprises();
            }
            if (CaseState.CLOSED_OUT.name().equals(r.state())) {
                sum.closedOut += r.enterprises();
            }
            sum.overdue += r.overdue();
            if (label != null && (sum.label == null || label.compareTo(sum.label) > 0)) {
                sum.label = label;
            }
        }

        private static final class Sum {
            long total, toRectify, closedOut, overdue;
            String label;
        }
    }

    /** A jurisdiction's per-division counts (by division) and the figures summed from them. */
    private record Counts(Map<String, List<MapQueries.DivisionCount>> byDivision, Figures figures) {

        static Counts of(Map<String, List<MapQueries.DivisionCount>> byDivision, int placeDigits) {
            return new Counts(byDivision, Figures.of(all(byDivision), placeDigits));
        }
    }

    /** The snapshot now and, given a kept one, the divisions changed since ({@code *}: a table was emptied). */
    private record Snapshot(String snapshot, boolean writing, Set<String> changed) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final KeptAnswers<Counts> kept;

    KeptOverviews(JdbcTemplate template, @Value("${qingyuan.map.overview-keep:PT10M}") Duration keep) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.kept = new KeptAnswers<>("map_change", keep.toNanos(), MAX_KEPT);
    }

    /**
     * The figures of the scope on the day at the place level: the kept ones while nothing changed, those of the changed
     * divisions counted again after a change, or all counted now.
     *
     * @param count the per-division counts of the scope today, of the given divisions only or (null) of all
     */
    Figures figures(Scope scope, int placeDigits, LocalDate today,
                    Function<Collection<String>, List<MapQueries.DivisionCount>> count) {
        if (scope.gridLimited()) {
            return Figures.of(count.apply(null), placeDigits);
        }
        return kept.answer(scope.prefix() + "|" + placeDigits + "|" + today, k -> {
            Snapshot since = snapshot(k.snapshot(), scope.prefix());
            if (since.changed().isEmpty()) {
                return KeptAnswers.Read.unchanged(since.snapshot(), since.writing(), k.answer());
            }
            if (since.changed().contains("*") || since.changed().size() > MAX_RECOUNTED) {
                return null;
            }
            Map<String, List<MapQueries.DivisionCount>> byDivision = new HashMap<>(k.answer().byDivision());
            byDivision.keySet().removeAll(since.changed());
            byDivision.putAll(byDivision(count.apply(since.changed())));
            return KeptAnswers.Read.of(since.snapshot(), since.writing(), Counts.of(Map.copyOf(byDivision), placeDigits));
        }, () -> {
            Snapshot before = snapshot(null, scope.prefix());
            return KeptAnswers.Read.of(before.snapshot(), before.writing(), Counts.of(byDivision(count.apply(null)), placeDigits));
        }).figures();
    }

    private static Map<String, List<MapQueries.DivisionCount>> byDivision(List<MapQueries.DivisionCount> rows) {
        Map<String, List<MapQueries.DivisionCount>> byDivision = new HashMap<>();
        for (MapQueries.DivisionCount r : rows) {
            byDivision.computeIfAbsent(r.division(), d -> new ArrayList<>()).add(r);
        }
        byDivision.replaceAll((d, list) -> List.copyOf(list));
        return Map.copyOf(byDivision);
    }

    private static List<MapQueries.DivisionCount> all(Map<String, List<MapQueries.DivisionCount>> byDivision) {
        List<MapQueries.DivisionCount> rows = new ArrayList<>();
        byDivision.values().forEach(rows::addAll);
        return rows;
    }

    /** The snapshot now, and (given a kept one) the divisions under the prefix a transaction it did not see changed. */
    private Snapshot snapshot(String since, String prefix) {
        return jdbc.sql("""
                        SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned() IS NOT NULL,
                               CASE WHEN CAST(:since AS text) IS NOT NULL THEN ARRAY(
                                   SELECT DISTINCT division_code FROM map_change
                                    WHERE xid >= pg_snapshot_xmin(CAST(:since AS pg_snapshot))
                                      AND NOT pg_visible_in_snapshot(xid, CAST(:since AS pg_snapshot))
                                      AND (division_code LIKE :prefix || '%' OR division_code = '*')) END
                        """)
                .param("since", since).param("prefix", prefix)
                .query((rs, i) -> new Snapshot(rs.getString(1), rs.getBoolean(2), changed(rs.getArray(3))))
                .single();
    }

    private static Set<String> changed(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? Set.of() : Set.of((String[]) array.getArray());
    }

    /** How many times this node has counted a jurisdiction's figures whole since it started (for tests and benchmarks). */
    long counts() {
        return kept.counts();
    }

    /** How many times this node has counted only a jurisdiction's changed divisions again. */
    long recounts() {
        return kept.adjustments();
    }

    /** Removes the change rows every kept snapshot has seen (see {@link org.qingyuan.shared.ChangeRowPrune}). */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void prune() {
        log.debug("home page figures since start: {}", kept.summary());
        kept.prune(template);
    }
}
