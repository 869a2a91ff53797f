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
 * Today's home page figures of each jurisdiction a node has counted, kept as its sites ({@link MapQueries.Site}: each
 * active enterprise's village, category, measure, case state, overdue or due soon) with the database snapshot taken just
 * before they were read. Asked again, one statement reads what transactions invisible to that snapshot changed under
 * the jurisdiction ({@code map_change}, by trigger: enterprises added, moved or closed, classifications and cases
 * changed; V193: the enterprises of a statement of up to 200 rows, the villages of a larger one): nothing, and the kept
 * figures are the answer; enterprises and villages, and only those are read again (a few rows instead of a district's
 * 25,000 joined to their classifications and cases, 0.6–0.9 s on two cores at province scale); more than {@value
 * #MAX_RECOUNTED} villages, {@value #MAX_REREAD} enterprises or a truncation, and the whole jurisdiction is. So the
 * figures are never staler than the database, whatever order transactions commit in and whatever the nodes' clocks say.
 * The snapshot is taken before the read, so a transaction that commits in between is read and still seen as a change
 * next time: one read too many, never a stale answer. A grid member's narrowed scope and figures read inside a writing
 * transaction are not kept. Figures are counted afresh at most {@code qingyuan.map.overview-keep} (10 minutes) after
 * they were counted; {@link #prune} removes, once a minute, the change rows no kept snapshot can need. At most {@value
 * #MAX_KEPT} jurisdictions and days and {@value #MAX_KEPT_SITES} sites, the least recently asked dropped first ({@link
 * KeptAnswers}).
 */
@Component
class KeptOverviews {

    static final int MAX_KEPT = 1_000;
    /** More changed villages (read again whole) than this, and the whole jurisdiction is counted again. */
    static final int MAX_RECOUNTED = 100;
    /** More changed enterprises than this, and the whole jurisdiction is counted again. */
    static final int MAX_REREAD = 5_000;
    /** The sites all kept jurisdictions may hold together (about 100 bytes each). */
    static final long MAX_KEPT_SITES = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(KeptOverviews.class);

    /** What the home page's figures are made of: the grouped counts and the open work per place. */
    record Figures(List<MapQueries.Count> counts, List<MapQueries.WorkByPlace> work) {

        /**
         * The figures summed from the jurisdiction's sites, with places of {@code placeDigits}: the counts per place,
         * category, measure and state and in total (each group's key null where none applies; the category label only
         * on the category's), and the open work of each place with a case.
         */
        static Figures of(Collection<MapQueries.Site> sites, int placeDigits) {
            // the sites by village, category, measure and state first: a district's 25,000 sites fall into a few thousand
            Map<Group, long[]> byGroup = new HashMap<>();
            Map<String, String> labels = new HashMap<>();   // a category's label: the greatest its sites carry, as SQL's max
            for (MapQueries.Site r : sites) {
                long[] n = byGroup.computeIfAbsent(new Group(r.division(), r.category(), r.measure(), r.state()), g -> new long[3]);
                n[0]++;
                n[1] += r.overdue() ? 1 : 0;
                n[2] += r.dueSoon() ? 1 : 0;
                if (r.category() != null && r.categoryLabel() != null) {
                    labels.merge(r.category(), r.categoryLabel(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
            Map<String, Map<String, Sum>> groups = new TreeMap<>();
            Map<String, long[]> work = new TreeMap<>();
            byGroup.forEach((g, n) -> {
                String place = g.division().length() <= placeDigits ? g.division() : g.division().substring(0, placeDigits);
                add(groups, "place", place, g, n, null);
                add(groups, "category", g.category(), g, n, g.category() == null ? null : labels.get(g.category()));
                add(groups, "measure", g.measure(), g, n, null);
                add(groups, "state", g.state(), g, n, null);
                add(groups, "total", null, g, n, null);
                if (g.state() != null) {
                    long[] w = work.computeIfAbsent(place, p -> new long[2]);
                    w[0] += n[1];
                    w[1] += n[2];
                }
            });
            List<MapQueries.Count> counts = new ArrayList<>();
            groups.forEach((grouping, sums) -> sums.forEach((key, sum) -> counts.add(new MapQueries.Count(grouping, key,
                    sum.label, sum.total, sum.toRectify, sum.closedOut, sum.overdue))));
            List<MapQueries.WorkByPlace> places = new ArrayList<>();
            work.forEach((place, w) -> places.add(new MapQueries.WorkByPlace(place, w[0], w[1])));
            return new Figures(List.copyOf(counts), List.copyOf(places));
        }

        private record Group(String division, String category, String measure, String state) {
        }

        /** Adds a group's sites ({@code n}: all, overdue, due soon) to one grouping's key. */
        private static void add(Map<String, Map<String, Sum>> groups, String grouping, String key, Group g, long[] n,
                                String label) {
            Sum sum = groups.computeIfAbsent(grouping, x -> new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder())))
                    .computeIfAbsent(key, k -> new Sum());
            sum.total += n[0];
            if (g.state() != null && !CaseState.WITHDRAWN.name().equals(g.state())) {
                sum.toRectify += n[0];
            }
            if (CaseState.CLOSED_OUT.name().equals(g.state())) {
                sum.closedOut += n[0];
            }
            sum.overdue += n[1];
            sum.label = label;
        }

        private static final class Sum {
            long total, toRectify, closedOut, overdue;
            String label;
        }
    }

    /** A jurisdiction's sites (by enterprise) and the figures summed from them. */
    private record Counts(Map<Long, MapQueries.Site> sites, Figures figures) {

        static Counts of(Map<Long, MapQueries.Site> sites, int placeDigits) {
            return new Counts(sites, Figures.of(sites.values(), placeDigits));
        }
    }

    /**
     * The snapshot now and, given a kept one, what transactions it did not see changed under the prefix: villages to read
     * again whole (or {@code *}: a table was emptied) and enterprises to read again.
     */
    private record Snapshot(String snapshot, boolean writing, Set<String> divisions, Set<Long> enterprises) {

        boolean unchanged() {
            return divisions.isEmpty() && enterprises.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final KeptAnswers<Counts> kept;

    KeptOverviews(JdbcTemplate template, @Value("${qingyuan.map.overview-keep:PT10M}") Duration keep) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.kept = new KeptAnswers<>("map_change", keep.toNanos(), MAX_KEPT, c -> c.sites().size(), MAX_KEPT_SITES);
    }

    /** Reads a jurisdiction's sites today: those in the villages or of the enterprises given, or (both null) all. */
    interface Sites {
        List<MapQueries.Site> read(Collection<String> divisions, Collection<Long> enterprises);
    }

    /**
     * The figures of the scope on the day at the place level: the kept ones while nothing changed, the kept ones with
     * the changed enterprises and villages read again after a change, or all counted now.
     */
    Figures figures(Scope scope, int placeDigits, LocalDate today, Sites read) {
        if (scope.gridLimited()) {
            return Figures.of(read.read(null, null), placeDigits);
        }
        return kept.answer(scope.prefix() + "|" + placeDigits + "|" + today, k -> {
            Snapshot since = snapshot(k.snapshot(), scope.prefix());
            if (since.unchanged()) {
                return KeptAnswers.Read.unchanged(since.snapshot(), since.writing(), k.answer());
            }
            if (since.divisions().contains("*") || since.divisions().size() > MAX_RECOUNTED
                    || since.enterprises().size() > MAX_REREAD) {
                return null;
            }
            Map<Long, MapQueries.Site> sites = new HashMap<>(k.answer().sites());
            sites.keySet().removeAll(since.enterprises());
            if (!since.divisions().isEmpty()) {
                sites.values().removeIf(site -> since.divisions().contains(site.division()));
            }
            read.read(since.divisions(), since.enterprises()).forEach(site -> sites.put(site.enterprise(), site));
            return KeptAnswers.Read.of(since.snapshot(), since.writing(), Counts.of(sites, placeDigits));
        }, () -> {
            Snapshot before = snapshot(null, scope.prefix());
            Map<Long, MapQueries.Site> sites = new HashMap<>();
            read.read(null, null).forEach(site -> sites.put(site.enterprise(), site));
            return KeptAnswers.Read.of(before.snapshot(), before.writing(), Counts.of(sites, placeDigits));
        }).figures();
    }

    /** The snapshot now, and (given a kept one) the villages and enterprises under the prefix changed since. */
    private Snapshot snapshot(String since, String prefix) {
        return jdbc.sql("""
                        WITH changed AS (
                            SELECT division_code, enterprise_id FROM map_change
                             WHERE CAST(:since AS text) IS NOT NULL
                               AND xid >= pg_snapshot_xmin(CAST(:since AS pg_snapshot))
                               AND NOT pg_visible_in_snapshot(xid, CAST(:since AS pg_snapshot))
                               AND (division_code LIKE :prefix || '%' OR division_code = '*'))
                        SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned() IS NOT NULL,
                               ARRAY(SELECT DISTINCT division_code FROM changed WHERE enterprise_id IS NULL),
                               ARRAY(SELECT DISTINCT enterprise_id FROM changed WHERE enterprise_id IS NOT NULL)
                        """)
                .param("since", since).param("prefix", prefix)
                .query((rs, i) -> new Snapshot(rs.getString(1), rs.getBoolean(2), Set.of((String[]) rs.getArray(3).getArray()),
                        longs(rs.getArray(4))))
                .single();
    }

    private static Set<Long> longs(java.sql.Array array) throws java.sql.SQLException {
        Set<Long> ids = new java.util.HashSet<>();
        for (Object id : (Object[]) array.getArray()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    /** How many times this node has counted a jurisdiction's figures whole since it started (for tests and benchmarks). */
    long counts() {
        return kept.counts();
    }

    /** How many times this node has read only a jurisdiction's changed enterprises and villages again. */
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
