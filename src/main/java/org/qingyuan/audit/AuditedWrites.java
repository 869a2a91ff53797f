package org.qingyuan.audit;

import jakarta.servlet.ServletRequest;

/**
 * What became of the audited changes of a request. Every change to business data commits with its audit record or not
 * at all, so the audit trail knows, at the end of each of a request's transactions, whether its changes were saved;
 * the web shell uses this when the database goes away mid-request, so that its answer never says 未保存 of a change that
 * was saved, nor 已保存 of one whose commit went unanswered.
 */
public enum AuditedWrites {

    /** No audited change was committed, and none is in doubt. */
    NONE,
    /** An audited change was committed. */
    SAVED,
    /** A commit with audited changes failed without an answer (the connection lost): it may or may not have been saved. */
    UNKNOWN;

    /** The request attribute the audit trail keeps it in. */
    public static final String ATTRIBUTE = AuditedWrites.class.getName();

    /** The request's outcome so far. */
    public static AuditedWrites of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof AuditedWrites w ? w : NONE;
    }

    /** The outcome after one more transaction ended so: the most doubtful wins (UNKNOWN over SAVED over NONE). */
    public AuditedWrites and(AuditedWrites next) {
        return next.ordinal() > ordinal() ? next : this;
    }
}
