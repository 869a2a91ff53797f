package org.qingyuan.lead;

import org.qingyuan.ledger.Discovery;

/** A lead was dismissed with a reason (e.g. a complaint's answer to the public). */
public record LeadDismissed(long leadId, Discovery source, String sourceRef, String reason) {
}
