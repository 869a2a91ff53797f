package org.qingyuan.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * Group commit of audited reads (the gatekeeping lookups): callers queue their record and wait; one writer thread
 * takes everything queued, appends it to the chain under one hold of the chain lock in one transaction (one fsync),
 * and releases the callers once it is committed. So a caller is answered only after its record is durable, exactly as
 * with {@link AuditWriter#append}, but N concurrent reads cost one commit instead of N serialised ones. A failed batch
 * fails every caller in it (their requests answer 500: nothing unaudited is answered). On shutdown the queue is closed
 * and what is in it is written before the database goes away.
 */
@Component
class GroupAppender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupAppender.class);
    static final int MAX_BATCH = 500;
    private static final long WAIT_SECONDS = 10;

    private record Queued(AuditWriter.Entry entry, CompletableFuture<Void> done) {
    }

    private final AuditWriter writer;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(20_000);
    private final Thread thread;
    private volatile boolean open = true;

    GroupAppender(AuditWriter writer, PlatformTransactionManager transactions) {
        this.writer = writer;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.thread = new Thread(this::run, "audit-group-appender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the record and returns once it is committed in the chain; throws when it could not be written. */
    void append(AuditActor actor, AuditEvent event, Outcome outcome) {
        Queued queued = new Queued(new AuditWriter.Entry(actor, event, outcome), new CompletableFuture<>());
        try {
            if (!open || !queue.offer(queued, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("audit appender is closed or full");
            }
            queued.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
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
                Queued first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                // shutdown: the loop drains what is left
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Queued> batch) {
        try {
            List<AuditWriter.Entry> entries = batch.stream().map(Queued::entry).toList();
            transaction.executeWithoutResult(status -> writer.appendAll(entries));
            batch.forEach(q -> q.done().complete(null));
        } catch (RuntimeException e) {
            log.error("audit batch of {} records not written", batch.size(), e);
            batch.forEach(q -> q.done().completeExceptionally(e));
        }
    }

    /** Closes the queue and waits for the writer to write what is in it. */
    @Override
    public void destroy() throws InterruptedException {
        open = false;
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
}
