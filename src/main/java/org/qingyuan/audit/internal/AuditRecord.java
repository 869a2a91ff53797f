package org.qingyuan.audit.internal;

import java.time.Instant;

import org.qingyuan.shared.Sm3;

/** One row of the audit trail, with the canonical form its hash covers. */
record AuditRecord(long id, Instant occurredAt, String username, String roleCode, String divisionCode,
                   String clientAddress, String action, String objectType, String objectId, String outcome,
                   String reason, String details, String prevHash, String hash) {

    static final String GENESIS = "0".repeat(64);

    /** Length-prefixed fields, so no value can be shifted into its neighbour; null is written as "-". */
    String canonical() {
        StringBuilder out = new StringBuilder(256);
        for (Object field : new Object[] {id, occurredAt, username, roleCode, divisionCode, clientAddress, action,
                objectType, objectId, outcome, reason, details}) {
            if (field == null) {
                out.append("-;");
            } else {
                String text = field.toString();
                out.append(text.length()).append(':').append(text).append(';');
            }
        }
        return out.toString();
    }

    /** SM3 over the previous record's hash followed by this record's canonical content. */
    String computeHash() {
        return Sm3.hex(prevHash + canonical());
    }

    AuditRecord sealed() {
        return new AuditRecord(id, occurredAt, username, roleCode, divisionCode, clientAddress, action, objectType,
                objectId, outcome, reason, details, prevHash, computeHash());
    }
}
