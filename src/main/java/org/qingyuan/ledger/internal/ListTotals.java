package org.qingyuan.ledger.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The totals of the ledger list, kept per question while the ledger is unchanged. Counting a district's list costs a
 * scan of all its rows (tens of thousands); the page itself, once its total is known, is an index walk of 20 rows. A
 * question is its conditions and their values (the scope, the filters, the search text, the rows hidden from a grid
 * member), not its page or order, so every page and every sort of one question shares one count.
 *
 * <p>A kept total is used while the ledger's stamp is unchanged (the newest enterprise and the newest change in its
 * history, which every write of a listed column adds) and for at most {@code qingyuan.ledger.total-keep} (default
 * 10 s). The stamp is read before the count, so a write committed in between only moves the stamp and the next asker
 * counts again. A write whose transaction began before a newer one and commits after it, or one from a node whose clock
 * is behind, does not move the stamp: its total is counted again within the keep at the latest, as the statistics
 * tallies are. A node keeps at most {@value #MAX_KEPT} questions; the least recently asked drop first.
 */
@Component
class ListTotals {

    static final int MAX_KEPT = 5_000;

    /** What the ledger looked like: its newest enterprise and its newest recorded change. */
    record Stamp(Long newestEnterprise, java.time.OffsetDateTime newestChange) {
    }

    private record Kept(Stamp stamp, long total, long countedAt) {
    }

    private final JdbcClient jdbc;
    private final long keepNanos;
    private final AtomicLong counted = new AtomicLong();
    private final Map<String, Kept> kept = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    };

    ListTotals(JdbcClient jdbc, @Value("${qingyuan.ledger.total-keep:PT10S}") Duration keep) {
        this.jdbc = jdbc;
        this.keepNanos = keep.toNanos();
    }

    /** Read before counting: a write that commits after this read moves the stamp for the next asker. */
    Stamp stamp() {
        return jdbc.sql("""
                SELECT (SELECT max(id) FROM enterprise), (SELECT max(changed_at) FROM enterprise_version)
                """).query((rs, i) -> new Stamp(rs.getObject(1, Long.class), rs.getObject(2, java.time.OffsetDateTime.class)))
                .single();
    }

    /** The kept total of this question if the ledger has not changed since it was counted, else null. */
    Long known(String question, Stamp stamp) {
        Kept k;
        synchronized (kept) {
            k = kept.get(question);
        }
        if (k == null || !k.stamp().equals(stamp) || System.nanoTime() - k.countedAt() >= keepNanos) {
            return null;
        }
        return k.total();
    }

    /** Keeps a total counted after the given stamp was read. */
    void counted(String question, Stamp stamp, long total) {
        Objects.requireNonNull(stamp);
        counted.incrementAndGet();
        synchronized (kept) {
            kept.put(question, new Kept(stamp, total, System.nanoTime()));
        }
    }

    /** How many totals this node has counted since it started (for tests and benchmarks). */
    long counts() {
        return counted.get();
    }
}
