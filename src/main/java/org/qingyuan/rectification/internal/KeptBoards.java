package org.qingyuan.rectification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.qingyuan.rectification.Board;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The battle boards (挂图作战) a node has counted, each with the database snapshot taken before its counts: a board is
 * answered again while no transaction invisible to that snapshot has written a case, an item, its evidence or a joint
 * enforcement ({@code rectification_case_change}, one row per statement by trigger), so it is never staler than the
 * database, whatever order transactions commit in and whatever the nodes' clocks say. Counting a district's board
 * reads all its cases (25,000 at province scale, about 60 ms of the database); checking the snapshot is one index probe.
 * A board computed inside a writing transaction is not kept. A board is counted afresh at most {@code
 * qingyuan.rectification.board-keep} (10 minutes) after it was counted; {@link #prune} removes, once a minute, the change
 * rows no kept snapshot can need. At most {@value #MAX_KEPT} boards, the least recently asked dropped first.
 */
@Component
class KeptBoards {

    static final int MAX_KEPT = 1_000;

    private record Kept(String snapshot, Board board, long countedAt) {
    }

    private record Check(String snapshot, boolean writing, boolean changed) {
    }


    private final NamedParameterJdbcTemplate named;
    private final long keepNanos;
    private final AtomicLong counted = new AtomicLong();
    private final Map<String, Kept> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    };
    private final org.qingyuan.shared.ChangeRowPrune pruning;

    KeptBoards(NamedParameterJdbcTemplate named, @Value("${qingyuan.rectification.board-keep:PT10M}") Duration keep) {
        this.named = named;
        this.keepNanos = keep.toNanos();
        this.pruning = new org.qingyuan.shared.ChangeRowPrune("rectification_case_change", keepNanos);
    }

    /** The kept board of this question (its scope, grid and day) if no case changed since, else the one counted now. */
    Board board(String question, Supplier<Board> count) {
        Kept k;
        synchronized (kept) {
            k = kept.get(question);
        }
        if (k != null && System.nanoTime() - k.countedAt() >= keepNanos) {
            k = null;
        }
        long asked = System.nanoTime();   // before the snapshot: the keep and the pruning count from here
        Check check = check(k == null ? null : k.snapshot());
        if (k != null && !check.changed()) {
            if (!check.writing()) {
                put(question, new Kept(check.snapshot(), k.board(), k.countedAt()));
            }
            return k.board();
        }
        Board board = count.get();   // its queries see at least what the snapshot saw: a later write shows as changed
        counted.incrementAndGet();
        if (!check.writing()) {
            put(question, new Kept(check.snapshot(), board, asked));
        }
        return board;
    }

    private Check check(String since) {
        return named.query("""
                SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned() IS NOT NULL,
                       CAST(:since AS text) IS NULL OR EXISTS (SELECT 1 FROM rectification_case_change
                        WHERE xid >= pg_snapshot_xmin(CAST(:since AS pg_snapshot))
                          AND NOT pg_visible_in_snapshot(xid, CAST(:since AS pg_snapshot)))
                """, new MapSqlParameterSource("since", since), (ResultSetExtractor<Check>) KeptBoards::check);
    }

    private static Check check(ResultSet rs) throws SQLException {
        rs.next();
        return new Check(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3));
    }

    private void put(String question, Kept k) {
        synchronized (kept) {
            kept.put(question, k);
        }
    }

    /** How many boards this node has counted since it started (for tests and benchmarks). */
    long counts() {
        return counted.get();
    }

    /** Removes the change rows every kept snapshot has seen (see {@link org.qingyuan.shared.ChangeRowPrune}). */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void prune() {
        pruning.run(named.getJdbcTemplate());
    }
}
