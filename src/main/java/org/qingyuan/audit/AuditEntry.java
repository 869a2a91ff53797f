package org.qingyuan.audit;

import java.time.Instant;

/** One audit record as the auditor reads it. */
public record AuditEntry(long id, Instant occurredAt, String username, String roleCode, String divisionCode,
                         String clientAddress, String action, String objectType, String objectId, String outcome,
                         String reason, String details, String hash) {
}
