package org.qingyuan.audit;

/** Supplies the actor of the current request or job. */
public interface AuditActorProvider {

    AuditActor current();
}
