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
     * shared with the other reads queued at the same moment (group commit): returns once the record is committed,
     * throws when it could not be written, so nothing is answered unaudited. Not tied to the caller's transaction.
     */
    void recordRead(AuditEvent event);

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
