package org.qingyuan.statistics.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
 * walk over its whole ledger, about half a second at 25,000 enterprises). A kept tally is answered only while the
 * <em>stamp</em> — the newest row of each table the as-of read models read (enterprises, their versions,
 * classification records and decisions, cases and case steps) — is the one it was computed under, so a registration or
 * a case step is counted by the next request, on any node. When the stamp has moved and the tally was kept with each
 * enterprise's share, only the enterprises written since (those rows' enterprises) are counted again. A stamp can miss a
 * transaction that commits after a newer one (ids and timestamps are taken before commit), so a tally is counted
 * in full again after {@code qingyuan.statistics.keep} (default 10 s): one kept with its shares by a background thread
 * while askers are answered the recount (by the asker itself once it is six keeps old), the others by their asker. One
 * computation per question at a time: concurrent askers wait for it instead of computing it again.
 */
@Component
class TallyCache {

    record Key(String division, String by, String at, String from) {
    }

    /** The newest row of each table the tallies read (as text; null for an empty table). */
    record Stamp(String enterprise, String version, String record, String override, String cleared, String kase, String step) {
    }

    /** A tally, with each enterprise's share when it can be recounted in part (null: only in full). */
    record Counted(Tally tally, Shares shares) {
    }

    /** How a question is counted: in full, or again from a kept count for the enterprises written since. */
    interface Counting {
        Counted all();

        /** The count again with the touched enterprises recounted; {@code before.shares()} is not null. */
        Counted again(Counted before, long[] touched);
    }

    private record Kept(Stamp stamp, long countedInFullAt, Counted counted) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TallyCache.class);
    private static final int MAX_KEPT = 2_000;
    /** A tally kept with its shares is counted in full in the background after keep, by its asker after this many keeps. */
    static final int LATEST_FULL = 6;
    /**
     * Shares kept on the node at most (each ≈ 80 bytes: about 32 MB, sixteen districts of 25,000): beyond it the least
     * recently asked tallies drop theirs and are counted in full when the stamp moves, as before.
     */
    static final int MAX_SHARES = 400_000;
    /** More enterprises written since than this: counting in full is no dearer. */
    static final int MAX_TOUCHED = 2_000;

    private final JdbcClient jdbc;
    private final long keepNanos;
    private final Map<Key, Kept> kept = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    });
    private final Map<Key, ReentrantLock> computing = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong recounts = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong fullInBackground = new java.util.concurrent.atomic.AtomicLong();
    private final Map<Key, Boolean> pendingFull = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tally-full-count");
        t.setDaemon(true);
        return t;
    });

    TallyCache(JdbcClient jdbc, @Value("${qingyuan.statistics.keep:PT10S}") Duration keep) {
        this.jdbc = jdbc;
        this.keepNanos = keep.toNanos();
    }

    /** A tally counted in full whenever the stamp moved. */
    Tally get(Key key, Supplier<Tally> compute) {
        return get(key, new Counting() {
            @Override
            public Counted all() {
                return new Counted(compute.get(), null);
            }

            @Override
            public Counted again(Counted before, long[] touched) {
                return all();
            }
        });
    }

    Tally get(Key key, Counting counting) {
        if (keepNanos <= 0) {
            return counting.all().tally();
        }
        Stamp stamp = stamp();
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
            Kept before = kept.get(key);
            long now = System.nanoTime();
            if (before != null && before.counted().shares() != null && now - before.countedInFullAt() < LATEST_FULL * keepNanos
                    && java.util.Objects.equals(before.stamp().cleared(), stamp.cleared())) {
                long[] touched = stamp.equals(before.stamp()) ? new long[0] : touchedSince(before.stamp());
                if (touched.length <= MAX_TOUCHED) {
                    Counted counted = touched.length == 0 ? before.counted() : counting.again(before.counted(), touched);
                    recounts.incrementAndGet();
                    Kept next = new Kept(stamp, before.countedInFullAt(), counted);
                    // unless a full count in the background has put a newer one meanwhile
                    kept.replace(key, before, next);
                    trimShares();
                    if (now - before.countedInFullAt() >= keepNanos) {
                        countInFullLater(key, counting);
                    }
                    return counted.tally();
                }
            }
            Counted counted = counting.all();
            kept.put(key, new Kept(stamp, now, counted));
            trimShares();
            return counted.tally();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The periodic full count of a tally kept with its shares, off the asker's path: the asker is answered the recount,
     * one background thread counts in full and keeps the result (its stamp read before it counts, so whatever it could
     * not see is recounted by the next request). One pending per question.
     */
    private void countInFullLater(Key key, Counting counting) {
        if (pendingFull.putIfAbsent(key, Boolean.TRUE) != null) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    Stamp stamp = stamp();
                    long started = System.nanoTime();
                    Counted counted = counting.all();
                    kept.put(key, new Kept(stamp, started, counted));
                    trimShares();
                    fullInBackground.incrementAndGet();
                } catch (RuntimeException e) {
                    log.warn("Counting tally {} in full failed; the asker counts it when it is {} s old: {}", key,
                            LATEST_FULL * keepNanos / 1_000_000_000L, e.toString());
                } finally {
                    pendingFull.remove(key);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pendingFull.remove(key);   // shutting down
        }
    }

    /** Drops the shares of the least recently asked tallies while more than {@link #MAX_SHARES} are kept. */
    private void trimShares() {
        synchronized (kept) {
            long total = 0;
            for (Kept k : kept.values()) {
                total += k.counted().shares() == null ? 0 : k.counted().shares().size();
            }
            // access order: the least recently asked first; setValue is no structural change
            for (var it = kept.entrySet().iterator(); total > MAX_SHARES && it.hasNext(); ) {
                Map.Entry<Key, Kept> e = it.next();
                Shares shares = e.getValue().counted().shares();
                if (shares != null) {
                    total -= shares.size();
                    Kept k = e.getValue();
                    e.setValue(new Kept(k.stamp(), k.countedInFullAt(), new Counted(k.counted().tally(), null)));
                }
            }
        }
    }

    /** Shares kept now, over all tallies. */
    long sharesKept() {
        synchronized (kept) {
            return kept.values().stream().mapToLong(k -> k.counted().shares() == null ? 0 : k.counted().shares().size()).sum();
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** How many full counts ran in the background since start. */
    long fullInBackground() {
        return fullInBackground.get();
    }

    /** How many tallies were recounted in part since start. */
    long recounts() {
        return recounts.get();
    }

    private Tally fresh(Key key, Stamp stamp) {
        Kept k = kept.get(key);
        return k != null && k.stamp().equals(stamp) && System.nanoTime() - k.countedInFullAt() < keepNanos
                ? k.counted().tally() : null;
    }

    /** The newest row of every table the tally reads: each an index lookup (count of cleared decisions: a small table). */
    Stamp stamp() {
        return jdbc.sql("""
                SELECT (SELECT max(id) FROM enterprise)::text, (SELECT max(changed_at) FROM enterprise_version)::text,
                       (SELECT max(id) FROM classification_record)::text, (SELECT max(id) FROM classification_override)::text,
                       (SELECT count(cleared_at) FROM classification_override)::text, (SELECT max(id) FROM rectification_case)::text,
                       (SELECT max(id) FROM rectification_step)::text
                """).query((rs, i) -> new Stamp(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7))).single();
    }

    /**
     * The enterprises whose rows in those tables are newer than the stamp (a decision cleared since is seen by the
     * stamp's count, and then the tally is counted in full). At most {@link #MAX_TOUCHED} + 1 of them.
     */
    long[] touchedSince(Stamp s) {
        List<Long> ids = jdbc.sql("""
                SELECT id FROM enterprise WHERE id > coalesce(CAST(:enterprise AS bigint), 0)
                UNION SELECT enterprise_id FROM enterprise_version WHERE changed_at > coalesce(CAST(:version AS timestamptz), '-infinity')
                UNION SELECT enterprise_id FROM classification_record WHERE id > coalesce(CAST(:record AS bigint), 0)
                UNION SELECT enterprise_id FROM classification_override WHERE id > coalesce(CAST(:override AS bigint), 0)
                UNION SELECT enterprise_id FROM rectification_case WHERE id > coalesce(CAST(:kase AS bigint), 0)
                UNION SELECT c.enterprise_id FROM rectification_step t JOIN rectification_case c ON c.id = t.case_id
                       WHERE t.id > coalesce(CAST(:step AS bigint), 0)
                LIMIT :limit
                """).param("enterprise", s.enterprise()).param("version", s.version()).param("record", s.record())
                .param("override", s.override()).param("kase", s.kase()).param("step", s.step()).param("limit", MAX_TOUCHED + 1)
                .query(Long.class).list();
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
