package org.qingyuan.ledger;

import java.util.List;

import org.qingyuan.access.Scope;

/**
 * What other modules hold about an enterprise, shown as links on its page (e.g. its rectification case).
 * Modules that depend on the ledger implement it, so the ledger links to them without depending on them.
 */
@org.springframework.modulith.NamedInterface("spi")
public interface EnterpriseLinks {

    /** The links for the enterprise, within the caller's scope; empty when the module holds nothing about it. */
    List<EnterpriseLink> linksFor(EnterpriseId id, Scope scope);

    /** A link: what it is (整治任务 #12), where it goes, and a short status (整治中 · 逾期). */
    record EnterpriseLink(String label, String href, String status, boolean warning) {
    }
}
