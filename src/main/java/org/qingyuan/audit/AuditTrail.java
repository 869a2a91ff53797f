package org.qingyuan.audit;

/**
 * The audit trail. Inside a transaction, {@link #record} writes just before commit in that
 * same transaction: if the audit write fails, the change fails with it. Outside a transaction
 * it writes at once in a transaction of its own.
 */
public interface AuditTrail {

    /** Records a successful action by the current actor. */
    void record(AuditEvent event);

    /**
     * Records a read that must be audited (a gatekeeping lookup) by the current actor, in a transaction of its own
     * shared with the other reads queued at the same moment (group commit), not tied to the caller's transaction.
     * Returns once the record is queued (committed within one batch cycle; never dropped, retried while the database
     * is away, drained on shutdown), or with {@code qingyuan.audit.await-reads=true} once it is committed. Throws when
     * it cannot be queued or (awaiting) written, so the read is not answered.
     */
    void recordRead(AuditEvent event);

    /** Waits until the reads recorded before this call are committed in the chain (at most 10 s). */
    void flushReads();

    /** Records an action that failed or was refused, in its own transaction (it survives the caller's rollback). */
    void recordFailure(AuditEvent event, Outcome outcome);

    /**
     * Records a refused authentication or authorisation check (outcome DENIED) by the current actor. Identical
     * refusals (same actor, address, action and object) are written at most once per interval, the next record
     * carrying {@code repeated}: how many were left out, so that a flood cannot fill the trail.
     */
    void recordRefusal(AuditEvent event);

    /** How an audited action ended. */
    enum Outcome {
        /** Done. */
        SUCCESS,
        /** Tried and failed (bad input, conflict, wrong password). */
        FAILURE,
        /** Refused for lack of permission or jurisdiction. */
        DENIED
    }
}
