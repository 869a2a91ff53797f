package org.qingyuan.ledger;

import java.util.List;

import org.qingyuan.access.Scope;

/**
 * Panels other modules add to an enterprise's history tab, each loaded from the module's own page fragment (e.g. the
 * statistics' strip of period ends). Modules that depend on the ledger implement it, so the ledger shows them without
 * depending on them.
 */
@org.springframework.modulith.NamedInterface("spi")
public interface EnterprisePanels {

    /** The panels for the enterprise, within the caller's scope. */
    List<EnterprisePanel> panelsFor(EnterpriseId id, Scope scope);

    /** A panel: its heading and the fragment to load into it. */
    record EnterprisePanel(String title, String href) {
    }
}
