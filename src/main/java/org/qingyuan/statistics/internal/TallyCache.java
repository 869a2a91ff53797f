package org.qingyuan.statistics.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.qingyuan.statistics.Tally;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps computed tallies per node while the data behind them is unchanged (issue 22 §1: a district's tally costs a
 * walk over its whole ledger, about a second at 25,000 enterprises, and under load every statistics request queued
 * behind the others). A kept tally is answered only while the <em>stamp</em> — the newest row of each table the
 * as-of read models read (enterprises, their versions, classification records and decisions, cases and case steps) —
 * is the one it was computed under, so a registration or a case step is counted by the next request, on any node.
 * A stamp can miss a transaction that commits after a newer one (ids and timestamps are taken before commit), so a
 * kept tally is also recomputed after {@code qingyuan.statistics.keep} (default 10 s). One computation per question
 * at a time: concurrent askers wait for it instead of computing it again.
 */
@Component
class TallyCache {

    record Key(String division, String by, String at, String from) {
    }

    private record Kept(String stamp, long computedAt, Tally tally) {
    }

    private static final int MAX_KEPT = 2_000;

    private final JdbcClient jdbc;
    private final long keepNanos;
    private final Map<Key, Kept> kept = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    });
    private final Map<Key, ReentrantLock> computing = new ConcurrentHashMap<>();

    TallyCache(JdbcClient jdbc, @Value("${qingyuan.statistics.keep:PT10S}") Duration keep) {
        this.jdbc = jdbc;
        this.keepNanos = keep.toNanos();
    }

    Tally get(Key key, Supplier<Tally> compute) {
        if (keepNanos <= 0) {
            return compute.get();
        }
        String stamp = stamp();
        Tally fresh = fresh(key, stamp);
        if (fresh != null) {
            return fresh;
        }
        ReentrantLock lock = computing.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            fresh = fresh(key, stamp);
            if (fresh != null) {
                return fresh;
            }
            Tally tally = compute.get();
            kept.put(key, new Kept(stamp, System.nanoTime(), tally));
            return tally;
        } finally {
            lock.unlock();
        }
    }

    private Tally fresh(Key key, String stamp) {
        Kept k = kept.get(key);
        return k != null && k.stamp().equals(stamp) && System.nanoTime() - k.computedAt() < keepNanos ? k.tally() : null;
    }

    /** The newest row of every table the tally reads: each an index lookup (count of cleared decisions: a small table). */
    String stamp() {
        return jdbc.sql("""
                SELECT concat_ws('/', (SELECT max(id) FROM enterprise), (SELECT max(changed_at) FROM enterprise_version),
                       (SELECT max(id) FROM classification_record), (SELECT max(id) FROM classification_override),
                       (SELECT count(cleared_at) FROM classification_override), (SELECT max(id) FROM rectification_case),
                       (SELECT max(id) FROM rectification_step))
                """).query(String.class).single();
    }
}
