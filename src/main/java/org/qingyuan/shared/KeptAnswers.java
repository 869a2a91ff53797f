package org.qingyuan.shared;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers a node keeps, each with the database snapshot it stands at, brought up to date by what transactions invisible
 * to that snapshot wrote (read from a change table filled by triggers, rows tagged with the writing transaction's id):
 * the mechanism shared by the ledger list's totals, the battle boards and the home page figures. So a kept answer is
 * never staler than the database, whatever order transactions commit in and whatever the nodes' clocks say.
 *
 * <ul>
 *   <li>An answer is counted whole at most {@code keep} after its last whole count, then counted again.</li>
 *   <li>An answer read inside a transaction that has written is answered but not kept (it could roll back).</li>
 *   <li>At most {@code maxKept} answers and {@code maxWeight} of their weight; the least recently asked go first, and an
 *       answer heavier than {@code maxWeight} alone is not kept.</li>
 *   <li>{@link #prune} removes the change rows no kept snapshot can need ({@link ChangeRowPrune}).</li>
 * </ul>
 *
 * @param <T> the answer
 */
public final class KeptAnswers<T> {

    /** A kept answer: the snapshot it stands at, the answer, and when it was last counted whole ({@link System#nanoTime}). */
    public record Kept<T>(String snapshot, T answer, long countedAt) {
    }

    /**
     * What a count or an adjustment read.
     *
     * @param snapshot the snapshot the answer stands at (for a count: taken before it, or by its own statement)
     * @param writing whether it was read inside a transaction that has written
     * @param changed for an adjustment, whether anything had changed since the kept snapshot
     */
    public record Read<T>(String snapshot, boolean writing, boolean changed, T answer) {

        /** A count, or an adjustment that found changes. */
        public static <T> Read<T> of(String snapshot, boolean writing, T answer) {
            return new Read<>(snapshot, writing, true, answer);
        }

        /** An adjustment that found nothing changed: the kept answer, standing at the newer snapshot. */
        public static <T> Read<T> unchanged(String snapshot, boolean writing, T answer) {
            return new Read<>(snapshot, writing, false, answer);
        }
    }

    private final long keepNanos;
    private final int maxKept;
    private final ToLongFunction<T> weight;
    private final long maxWeight;
    private final ChangeRowPrune pruning;
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong adjusted = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final Map<String, Kept<T>> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long keptWeight;

    /**
     * @param changeTable the change table read by the adjustments, pruned by {@link #prune} (a name from code)
     * @param weight what an answer weighs against {@code maxWeight} (the ids it holds, say)
     */
    public KeptAnswers(String changeTable, long keepNanos, int maxKept, ToLongFunction<T> weight, long maxWeight) {
        this.keepNanos = keepNanos;
        this.maxKept = maxKept;
        this.weight = weight;
        this.maxWeight = maxWeight;
        this.pruning = new ChangeRowPrune(changeTable, keepNanos);
    }

    /** Answers of weight 1 each, at most {@code maxKept}. */
    public KeptAnswers(String changeTable, long keepNanos, int maxKept) {
        this(changeTable, keepNanos, maxKept, a -> 1, Long.MAX_VALUE);
    }

    /**
     * The answer to the question: the kept one brought up to date by {@code adjust} while its last whole count is
     * younger than the keep, else (or when {@code adjust} cannot) one counted now by {@code count}.
     *
     * @param adjust given the kept answer, the answer now, read against the kept snapshot; null when the change cannot
     *               be added to it (a table emptied, too many changes), and the answer is counted whole
     * @param count the answer counted whole, with a snapshot taken before or by the count
     */
    public T answer(String question, Function<Kept<T>, Read<T>> adjust, Supplier<Read<T>> count) {
        Kept<T> before = kept(question);
        if (before != null) {
            Read<T> now = adjust.apply(before);
            if (now != null) {
                (now.changed() ? adjusted : unchanged).incrementAndGet();
                if (!now.writing()) {
                    keep(question, new Kept<>(now.snapshot(), now.answer(), before.countedAt()));
                }
                return now.answer();
            }
        }
        long asked = System.nanoTime();   // before the snapshot: the keep and the pruning count from here
        Read<T> whole = count.get();
        counted.incrementAndGet();
        if (!whole.writing()) {
            keep(question, new Kept<>(whole.snapshot(), whole.answer(), asked));
        }
        return whole.answer();
    }

    /** The kept answer to the question if it was counted whole within the keep, else null. */
    public Kept<T> kept(String question) {
        synchronized (kept) {
            Kept<T> k = kept.get(question);
            return k == null || System.nanoTime() - k.countedAt() >= keepNanos ? null : k;
        }
    }

    /** Keeps the answer, dropping the least recently asked beyond the bounds; an answer too heavy alone is not kept. */
    public void keep(String question, Kept<T> answer) {
        long w = weight.applyAsLong(answer.answer());
        if (w > maxWeight) {
            return;
        }
        synchronized (kept) {
            Kept<T> old = kept.put(question, answer);
            keptWeight += w - (old == null ? 0 : weight.applyAsLong(old.answer()));
            Iterator<Kept<T>> eldest = kept.values().iterator();
            while (kept.size() > maxKept || keptWeight > maxWeight) {
                keptWeight -= weight.applyAsLong(eldest.next().answer());
                eldest.remove();
            }
        }
    }

    /** Drops every kept answer. */
    public void forget() {
        synchronized (kept) {
            kept.clear();
            keptWeight = 0;
        }
    }

    /** Removes the change rows every kept snapshot has seen (see {@link ChangeRowPrune}). */
    public void prune(JdbcTemplate jdbc) {
        pruning.run(jdbc);
    }

    /** How many answers this node has counted whole since it started (for tests, benchmarks and the log). */
    public long counts() {
        return counted.get();
    }

    /** How many kept answers this node has brought up to date by a change since it started. */
    public long adjustments() {
        return adjusted.get();
    }

    /** What this node did since it started, for a debug line: counted, adjusted, unchanged, kept now. */
    public String summary() {
        int size;
        synchronized (kept) {
            size = kept.size();
        }
        return counted.get() + " counted whole, " + adjusted.get() + " adjusted by a change, " + unchanged.get()
                + " unchanged; " + size + " kept now";
    }
}
