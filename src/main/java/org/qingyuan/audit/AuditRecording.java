package org.qingyuan.audit;

/** Records with an explicit actor: sign-in events, where nobody is signed in yet. */
public interface AuditRecording {

    void recordAs(AuditActor actor, AuditEvent event, AuditTrail.Outcome outcome);

    /** A refusal with an explicit actor, rate-limited like {@link AuditTrail#recordRefusal}. */
    void recordRefusalAs(AuditActor actor, AuditEvent event, AuditTrail.Outcome outcome);
}
