package org.qingyuan.lead;

import org.qingyuan.ledger.Discovery;

/** A lead became a ledger entry: a new enterprise ({@code merged} false) or one already there. */
public record LeadConfirmed(long leadId, long enterpriseId, Discovery source, String sourceRef, boolean merged) {
}
