package org.qingyuan.rectification.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.qingyuan.rectification.Board;
import org.qingyuan.shared.KeptAnswers;
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
 * change rows no kept snapshot can need. At most {@value #MAX_KEPT} boards, the least recently asked dropped first
 * ({@link KeptAnswers}).
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

    /** A board with the counts it shows. */
    private record Counts(BoardTally tally, Board board) {
    }

    private final NamedParameterJdbcTemplate named;
    private final KeptAnswers<Counts> kept;

    KeptBoards(NamedParameterJdbcTemplate named, @Value("${qingyuan.rectification.board-keep:PT10M}") Duration keep) {
        this.named = named;
        this.kept = new KeptAnswers<>("rectification_case_change", keep.toNanos(), MAX_KEPT);
    }

    /** The board of this question (its scope, grid and day): the kept one, the kept one adjusted, or one counted now. */
    Board board(String question, Reads reads) {
        return kept.answer(question, k -> {
            Counted change = reads.since(k.snapshot());
            if (change.changes() == 0) {
                return KeptAnswers.Read.unchanged(change.snapshot(), change.writing(), k.answer());
            }
            if (change.recount()) {
                return null;
            }
            BoardTally tally = k.answer().tally().plus(change.tally());
            // its lists are read after the change: at least as fresh
            return KeptAnswers.Read.of(change.snapshot(), change.writing(), new Counts(tally, reads.board(tally)));
        }, () -> {
            Counted count = reads.count();
            return KeptAnswers.Read.of(count.snapshot(), count.writing(), new Counts(count.tally(), reads.board(count.tally())));
        }).board();
    }

    /** How many boards this node has counted since it started (for tests and benchmarks). */
    long counts() {
        return kept.counts();
    }

    /** How many kept boards this node has adjusted by a change since it started (for tests and benchmarks). */
    long adjustments() {
        return kept.adjustments();
    }

    /** Removes the change rows every kept snapshot has seen (see {@link org.qingyuan.shared.ChangeRowPrune}). */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void prune() {
        log.debug("battle boards since start: {}", kept.summary());
        kept.prune(named.getJdbcTemplate());
    }
}
