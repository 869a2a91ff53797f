package org.qingyuan.sheets.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.qingyuan.sheets.internal.ImportJobs.Counts;
import org.qingyuan.sheets.internal.ImportJobs.RowOutcome;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an import's row outcomes and progress beside its main transaction: in short transactions of their own (every
 * node can show them, and they survive an all-or-nothing rejection), on a thread of its own so that the import goes
 * on with the ledger meanwhile, about once a second or every few chunks (each such transaction waits for its commit to
 * reach the disk). One such write at a time.
 */
final class OutcomeWriter {

    private final long jobId;
    private final ImportJobs jobs;
    private final TransactionTemplate side;
    private final Clock clock;
    private final int flushRows;
    /** Row outcomes not yet written, and when they last were. */
    private final List<RowOutcome> pending = new ArrayList<>();
    private long lastFlush = System.nanoTime();
    private ExecutorService sideWriter;
    private Future<?> sideWrite;
    /** Time spent writing (own thread) and waiting for a write (import's thread). */
    final AtomicLong outcomeNanos = new AtomicLong();
    long sideWaitNanos;

    OutcomeWriter(long jobId, ImportJobs jobs, TransactionTemplate side, Clock clock, int flushRows) {
        this.jobId = jobId;
        this.jobs = jobs;
        this.side = side;
        this.clock = clock;
        this.flushRows = flushRows;
    }

    /** Adds a chunk's outcomes; writes them with the progress when enough gathered or a second passed. */
    void add(List<RowOutcome> outcomes, Counts counts) {
        pending.addAll(outcomes);
        if (pending.size() >= flushRows || System.nanoTime() - lastFlush >= 1_000_000_000L) {
            flush(counts);
        }
    }

    /** Writes the outcomes gathered so far and the progress now (after the last one: waited for by {@link #await}). */
    void flush(Counts counts) {
        await();
        if (sideWriter == null) {
            sideWriter = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sheets-import-outcomes-" + jobId);
                t.setDaemon(true);
                return t;
            });
        }
        List<RowOutcome> batch = new ArrayList<>(pending);
        Counts progress = counts.copy();
        pending.clear();
        lastFlush = System.nanoTime();
        sideWrite = sideWriter.submit(() -> {
            long sideStart = System.nanoTime();
            side.executeWithoutResult(s -> {
                jobs.addRows(jobId, batch);
                jobs.progress(jobId, progress, Instant.now(clock));
            });
            outcomeNanos.addAndGet(System.nanoTime() - sideStart);
        });
    }

    /** Waits for the outcomes being written, and fails if they could not be. */
    void await() {
        if (sideWrite == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            sideWrite.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            sideWrite = null;
            sideWaitNanos += System.nanoTime() - start;
        }
    }

    /** Stops the outcome writer, waiting for a write in progress. */
    void stop() {
        if (sideWriter != null) {
            sideWriter.shutdown();
            try {
                sideWriter.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
