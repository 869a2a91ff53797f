package org.qingyuan.map.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.qingyuan.access.Scope;
import org.qingyuan.shared.ChangeRowPrune;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Today's home page figures of each jurisdiction a node has counted, with the database snapshot taken just before they
 * were counted. Asked again, one statement reads whether a transaction invisible to that snapshot changed a village of
 * the jurisdiction ({@code map_change}, by trigger: enterprises added, moved or closed, classifications and cases
 * changed): none, and the kept figures are the answer; any, and they are counted again. So the figures are never staler
 * than the database, whatever order transactions commit in and whatever the nodes' clocks say, while a quiet
 * jurisdiction costs an index probe instead of a count joining its enterprises to their classifications and cases
 * (25,000 of each for a district at province scale, 0.6–0.9 s on two cores). The snapshot is taken before the count, so
 * a transaction that commits in between is counted and still read as a change next time: one recount too many, never a
 * stale answer. A grid member's narrowed scope and figures read inside a writing transaction are not kept. Figures are
 * counted afresh at most {@code qingyuan.map.overview-keep} (10 minutes) after they were counted; {@link #prune}
 * removes, once a minute, the change rows no kept snapshot can need. At most {@value #MAX_KEPT} jurisdictions and days,
 * the least recently asked dropped first.
 */
@Component
class KeptOverviews {

    static final int MAX_KEPT = 1_000;
    private static final Logger log = LoggerFactory.getLogger(KeptOverviews.class);

    /** What the home page's figures are made of: the grouped counts and the open work per place. */
    record Figures(List<MapQueries.Count> counts, List<MapQueries.WorkByPlace> work) {
    }

    private record Kept(String snapshot, Figures figures, long countedAt) {
    }

    private record Snapshot(String snapshot, boolean writing, boolean changed) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final long keepNanos;
    private final ChangeRowPrune pruning;
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final Map<String, Kept> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    };

    KeptOverviews(JdbcTemplate template, @Value("${qingyuan.map.overview-keep:PT10M}") Duration keep) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.keepNanos = keep.toNanos();
        this.pruning = new ChangeRowPrune("map_change", keepNanos);
    }

    /** The figures of the scope on the day at the place level: the kept ones while nothing changed, else counted now. */
    Figures figures(Scope scope, int placeDigits, LocalDate today, Supplier<Figures> count) {
        if (scope.gridLimited()) {
            return count.get();
        }
        String key = scope.prefix() + "|" + placeDigits + "|" + today;
        Kept k;
        synchronized (kept) {
            k = kept.get(key);
        }
        if (k != null && System.nanoTime() - k.countedAt() < keepNanos) {
            Snapshot since = snapshot(k.snapshot(), scope.prefix());
            if (!since.changed()) {
                answered.incrementAndGet();
                if (!since.writing()) {
                    put(key, new Kept(since.snapshot(), k.figures(), k.countedAt()));
                }
                return k.figures();
            }
        }
        long asked = System.nanoTime();   // before the snapshot: the keep and the pruning count from here
        Snapshot before = snapshot(null, scope.prefix());
        Figures figures = count.get();
        counted.incrementAndGet();
        if (!before.writing()) {
            put(key, new Kept(before.snapshot(), figures, asked));
        }
        return figures;
    }

    /** The snapshot now, and (given a kept one) whether a transaction it did not see changed a village under the prefix. */
    private Snapshot snapshot(String since, String prefix) {
        return jdbc.sql("""
                        SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned() IS NOT NULL,
                               CAST(:since AS text) IS NOT NULL AND EXISTS (
                                   SELECT 1 FROM map_change
                                    WHERE xid >= pg_snapshot_xmin(CAST(:since AS pg_snapshot))
                                      AND NOT pg_visible_in_snapshot(xid, CAST(:since AS pg_snapshot))
                                      AND (division_code LIKE :prefix || '%' OR division_code = '*'))
                        """)
                .param("since", since).param("prefix", prefix)
                .query((rs, i) -> new Snapshot(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))).single();
    }

    private void put(String key, Kept k) {
        synchronized (kept) {
            kept.put(key, k);
        }
    }

    /** How many times this node has counted a jurisdiction's figures since it started (for tests and benchmarks). */
    long counts() {
        return counted.get();
    }

    /** Removes the change rows every kept snapshot has seen (see {@link ChangeRowPrune}). */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void prune() {
        log.debug("home page figures since start: {} counted, {} answered as kept; {} kept now", counted.get(), answered.get(),
                kept.size());
        pruning.run(template);
    }
}
