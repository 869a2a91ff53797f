package org.qingyuan.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.qingyuan.audit.AuditActor;
import org.qingyuan.audit.AuditActorProvider;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditedWrites;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.audit.AuditRecording;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records inside the caller's transaction are collected and appended in {@code beforeCommit}:
 * the chain lock is held only for the last moment of the transaction, and a failed append
 * rolls the change back. Failures are written in a new transaction so they survive the rollback.
 */
@Service
@EnableConfigurationProperties(AuditProperties.class)
class TransactionalAuditTrail implements AuditTrail, AuditRecording {

    private final AuditWriter writer;
    private final GroupAppender group;
    private final AuditActorProvider actors;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate newTransaction;
    private final RefusalThrottle refusals;

    TransactionalAuditTrail(AuditWriter writer, GroupAppender group, ObjectProvider<AuditActorProvider> actors, PlatformTransactionManager transactions,
                            AuditProperties properties, Clock clock) {
        this.writer = writer;
        this.group = group;
        this.refusals = new RefusalThrottle(clock, properties.refusalInterval(), properties.refusalKeys());
        // without the access module (a module test), actions are the platform's own
        this.actors = actors.getIfAvailable(() -> () -> AuditActor.SYSTEM);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditEvent event) {
        recordAs(actors.current(), event, Outcome.SUCCESS);
    }

    @Override
    public void recordRead(AuditEvent event) {
        RequestAuditMarker.markRecorded();
        group.append(actors.current(), event, Outcome.SUCCESS);
    }

    @Override
    public void flushReads() {
        group.flush();
    }

    @Override
    public void recordFailure(AuditEvent event, Outcome outcome) {
        recordAs(actors.current(), event, outcome);
    }

    @Override
    public void recordRefusal(AuditEvent event) {
        recordRefusalAs(actors.current(), event, Outcome.DENIED);
    }

    @Override
    public void recordRefusalAs(AuditActor actor, AuditEvent event, Outcome outcome) {
        RequestAuditMarker.markRecorded();
        String key = actor.username() + "|" + actor.clientAddress() + "|" + event.action() + "|" + event.objectType() + "|"
                + event.objectId();
        OptionalLong admitted = refusals.admit(key);
        if (admitted.isEmpty()) {
            return;
        }
        AuditEvent written = admitted.getAsLong() > 0 ? event.with(Map.of("repeated", admitted.getAsLong())) : event;
        newTransaction.executeWithoutResult(status -> writer.append(actor, written, outcome));
    }

    @Override
    public void recordAs(AuditActor actor, AuditEvent event, Outcome outcome) {
        RequestAuditMarker.markRecorded();
        if (outcome != Outcome.SUCCESS) {
            newTransaction.executeWithoutResult(status -> writer.append(actor, event, outcome));
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            ownTransaction.executeWithoutResult(status -> writer.append(actor, event, outcome));
            return;
        }
        pending().add(new Pending(actor, event, outcome));
    }

    private List<Pending> pending() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof BeforeCommitAppender appender) {
                return appender.records;
            }
        }
        BeforeCommitAppender appender = new BeforeCommitAppender();
        TransactionSynchronizationManager.registerSynchronization(appender);
        return appender.records;
    }

    private record Pending(AuditActor actor, AuditEvent event, Outcome outcome) {
    }

    private final class BeforeCommitAppender implements TransactionSynchronization {
        private final List<Pending> records = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            for (Pending p : records) {
                writer.append(p.actor(), p.event(), p.outcome());
            }
        }

        /** Tells the request whether its audited changes were saved (committed) or are in doubt (the commit unanswered). */
        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                RequestAuditMarker.markWrites(AuditedWrites.SAVED);
            } else if (status == STATUS_UNKNOWN) {
                RequestAuditMarker.markWrites(AuditedWrites.UNKNOWN);
            }
        }
    }
}
