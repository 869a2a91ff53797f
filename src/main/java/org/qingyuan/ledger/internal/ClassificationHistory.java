package org.qingyuan.ledger.internal;

import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseId;

/** The classification records and 一企一策 decisions of an enterprise, for the ledger's own pages and API. */
public interface ClassificationHistory {

    /** Every record, newest first. */
    List<ClassificationRecord> history(EnterpriseId id, Scope scope);

    /** Every override decision, newest first, cleared ones included. */
    List<OverrideDecision> overrides(EnterpriseId id, Scope scope);
}
