package org.qingyuan.audit;

import java.util.Map;

/**
 * What happened, as a module reports it. Who, when, from where and the outcome are added by the trail.
 *
 * @param action what was done, in code terms: {@code ENTERPRISE_REGISTERED}, {@code LOGIN_FAILED}
 * @param objectType the kind of object: {@code Enterprise}, {@code User}
 * @param objectId its id, or null
 * @param reason the reason the user gave, where one is required
 * @param details what changed (e.g. field → [old, new]); kept as JSON
 */
public record AuditEvent(String action, String objectType, String objectId, String reason, Map<String, Object> details) {

    public AuditEvent {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("audit action");
        }
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditEvent of(String action, String objectType, Object objectId) {
        return new AuditEvent(action, objectType, objectId == null ? null : objectId.toString(), null, Map.of());
    }

    public AuditEvent because(String why) {
        return new AuditEvent(action, objectType, objectId, why, details);
    }

    public AuditEvent with(Map<String, Object> moreDetails) {
        var merged = new java.util.LinkedHashMap<String, Object>(details);
        merged.putAll(moreDetails);
        return new AuditEvent(action, objectType, objectId, reason, merged);
    }
}
