package org.qingyuan.ledger.internal;

import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseId;

/** The versions of an enterprise, for its history tab and the API; only the ledger's own pages read them. */
public interface EnterpriseHistory {

    /** Newest first, including the versions of records merged into this one. */
    List<EnterpriseVersion> history(EnterpriseId id, Scope scope);
}
