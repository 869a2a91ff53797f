package org.qingyuan.audit;

/**
 * Who acts and from where, as the access module knows it; the trail asks a
 * {@link AuditActorProvider} so that it does not depend on how users sign in.
 */
public record AuditActor(String username, String roleCode, String divisionCode, String clientAddress) {

    /** The platform itself: scheduled jobs, migrations, start-up. */
    public static final AuditActor SYSTEM = new AuditActor("system", null, null, null);
}
