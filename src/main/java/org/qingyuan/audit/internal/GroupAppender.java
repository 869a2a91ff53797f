package org.qingyuan.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.qingyuan.audit.AuditActor;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of audited reads (the gatekeeping lookups): callers queue their record; one writer thread takes
 * everything queued, appends it to the chain under one hold of the chain lock in one transaction (one fsync), so N
 * concurrent reads cost one commit instead of N serialised ones. Two modes ({@code qingyuan.audit.await-reads}):
 * <ul>
 * <li>false (default): the caller goes on once its record is queued; the writer commits it within one batch cycle
 * (normally a few milliseconds, {@link #FLUSH_MILLIS} at most when idle). A failed batch is kept and retried every
 * second, never dropped; the queue is bounded, so when the database is down callers block and then fail (nothing is
 * answered beyond {@link #CAPACITY} unwritten records). On shutdown the queue is closed and drained. What a crash of
 * the process (kill -9, power loss) loses is the records queued and not yet committed: at most one batch cycle's
 * reads, documented in docs/architecture.md.</li>
 * <li>true: the caller waits until its record is committed (a failed batch fails its callers: 500), so nothing is
 * answered unaudited even across a crash, at the price of one batch cycle of latency per read.</li>
 * </ul>
 */
@Component
class GroupAppender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupAppender.class);
    static final int MAX_BATCH = 500;
    static final int CAPACITY = 20_000;
    static final long FLUSH_MILLIS = 100;
    private static final long WAIT_SECONDS = 10;

    private record Queued(AuditWriter.Entry entry, CompletableFuture<Void> done) {
    }

    private final AuditWriter writer;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private final boolean await;
    private volatile boolean open = true;
    private final AtomicLong queuedCount = new AtomicLong();
    private final AtomicLong committedCount = new AtomicLong();

    GroupAppender(AuditWriter writer, PlatformTransactionManager transactions, AuditProperties properties) {
        this.writer = writer;
        this.await = properties.awaitReads();
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.thread = new Thread(this::run, "audit-group-appender");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues the record; returns at once, or (await mode) once it is committed in the chain. Throws when it cannot be
     * queued (closed, or full for 10 s) or, awaiting, when it could not be written.
     */
    void append(AuditActor actor, AuditEvent event, Outcome outcome) {
        Queued queued = new Queued(new AuditWriter.Entry(actor, event, outcome), new CompletableFuture<>());
        try {
            if (!open || !queue.offer(queued, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("audit appender is closed or full");
            }
            queuedCount.incrementAndGet();
            if (await) {
                queued.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit record was written", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit record not written", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("audit record not written in " + WAIT_SECONDS + " s", e);
        }
    }

    private void run() {
        List<Queued> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Queued first = queue.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                while (!write(batch) && !await && (open || attempts(batch))) {
                    // not awaited: nobody else holds these records, so keep them and try again
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                // shutdown: the loop drains what is left
            } finally {
                batch.clear();
            }
        }
    }

    private int shutdownAttempts;

    /** After shutdown began, a failing batch is retried a few times, then logged record by record and given up. */
    private boolean attempts(List<Queued> batch) {
        if (++shutdownAttempts <= 3) {
            return true;
        }
        batch.forEach(q -> log.error("audit record lost at shutdown: {} {} {} {}", q.entry().actor().username(),
                q.entry().event().action(), q.entry().event().objectId(), q.entry().event().details()));
        committedCount.addAndGet(batch.size());
        return false;
    }

    private boolean write(List<Queued> batch) {
        try {
            List<AuditWriter.Entry> entries = batch.stream().map(Queued::entry).toList();
            transaction.executeWithoutResult(status -> writer.appendAll(entries));
            committedCount.addAndGet(batch.size());
            batch.forEach(q -> q.done().complete(null));
            return true;
        } catch (RuntimeException e) {
            log.error("audit batch of {} records not written{}", batch.size(), await ? "" : ", retrying", e);
            if (await) {
                batch.forEach(q -> q.done().completeExceptionally(e));
            }
            return false;
        }
    }

    /**
     * Waits until every record queued before this call is committed (the queue is FIFO and the writer commits in
     * order, so a count suffices). For the verifier and tests; at most 10 s.
     */
    void flush() {
        long target = queuedCount.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        try {
            while (committedCount.get() < target && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the queue and waits for the writer to write what is in it. */
    @Override
    public void destroy() throws InterruptedException {
        open = false;
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
}
