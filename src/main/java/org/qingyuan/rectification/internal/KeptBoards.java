package org.qingyuan.rectification.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.qingyuan.rectification.Board;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The battle boards (挂图作战) a node has counted, each with its counts ({@link BoardTally}) and the database snapshot
 * they were counted at. Asked again, a board reads in one statement what transactions invisible to that snapshot
 * wrote ({@code rectification_case_change}, by trigger: each case written, as it was and as it is): nothing, and the
 * kept board is the answer; cases, and the kept counts plus that change are the counts now, with the two lists read
 * afresh; a truncate, and it is counted again. So a board is never staler than the database, whatever order
 * transactions commit in and whatever the nodes' clocks say, and a write costs the next ask a few index probes instead
 * of a count of the division's cases (25,000 for a district at province scale, about 30 ms of the database).
 * A board read inside a writing transaction is not kept. A board is counted afresh at most {@code
 * qingyuan.rectification.board-keep} (10 minutes) after it was counted; {@link #prune} removes, once a minute, the
 * change rows no kept snapshot can need. At most {@value #MAX_KEPT} boards, the least recently asked dropped first.
 */
@Component
class KeptBoards {

    static final int MAX_KEPT = 1_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KeptBoards.class);

    /**
     * What a board of one question reads. Each count is one statement, so that the snapshot it reports is the one its
     * figures were counted at.
     */
    interface Reads {

        /** The board's counts now. */
        Counted count();

        /** What changed in the counts since the snapshot. */
        Counted since(String snapshot);

        /** The board of these counts, with its lists read now. */
        Board board(BoardTally tally);
    }

    /**
     * A count, or a change since a snapshot, with the snapshot it was read at.
     *
     * @param changes change rows since the snapshot (for a count: 1)
     * @param recount true when a change cannot be added up (a truncate)
     */
    record Counted(String snapshot, boolean writing, long changes, boolean recount, BoardTally tally) {
    }

    private record Kept(String snapshot, BoardTally tally, Board board, long countedAt) {
    }

    private final long keepNanos;
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong adjusted = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final Map<String, Kept> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    };
    private final NamedParameterJdbcTemplate named;
    private final org.qingyuan.shared.ChangeRowPrune pruning;

    KeptBoards(NamedParameterJdbcTemplate named, @Value("${qingyuan.rectification.board-keep:PT10M}") Duration keep) {
        this.named = named;
        this.keepNanos = keep.toNanos();
        this.pruning = new org.qingyuan.shared.ChangeRowPrune("rectification_case_change", keepNanos);
    }

    /** The board of this question (its scope, grid and day): the kept one, the kept one adjusted, or one counted now. */
    Board board(String question, Reads reads) {
        Kept k;
        synchronized (kept) {
            k = kept.get(question);
        }
        if (k != null && System.nanoTime() - k.countedAt() >= keepNanos) {
            k = null;
        }
        if (k != null) {
            Counted change = reads.since(k.snapshot());
            if (change.changes() == 0) {
                answered.incrementAndGet();
                if (!change.writing()) {
                    put(question, new Kept(change.snapshot(), k.tally(), k.board(), k.countedAt()));
                }
                return k.board();
            }
            if (!change.recount()) {
                BoardTally tally = k.tally().plus(change.tally());
                Board board = reads.board(tally);   // its lists are read after the change: at least as fresh
                adjusted.incrementAndGet();
                if (!change.writing()) {
                    put(question, new Kept(change.snapshot(), tally, board, k.countedAt()));
                }
                return board;
            }
        }
        long asked = System.nanoTime();   // before the snapshot: the keep and the pruning count from here
        Counted count = reads.count();
        Board board = reads.board(count.tally());
        counted.incrementAndGet();
        if (!count.writing()) {
            put(question, new Kept(count.snapshot(), count.tally(), board, asked));
        }
        return board;
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

    /** How many kept boards this node has adjusted by a change since it started (for tests and benchmarks). */
    long adjustments() {
        return adjusted.get();
    }

    /** Removes the change rows every kept snapshot has seen (see {@link org.qingyuan.shared.ChangeRowPrune}). */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void prune() {
        log.debug("battle boards since start: {} counted, {} adjusted by a change, {} answered as kept; {} kept now",
                counted.get(), adjusted.get(), answered.get(), kept.size());
        pruning.run(named.getJdbcTemplate());
    }
}
