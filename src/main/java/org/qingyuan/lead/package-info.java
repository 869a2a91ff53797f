/**
 * Leads (线索, issue 16 §4): every discovery of a possible 散乱污 site, whatever its source — a patrol's finding, a
 * complaint, a supervision finding, an assignment from a superior, an imported list — waits in one queue per town
 * until the town confirms it into the ledger (a new enterprise, with the ledger's duplicate check, or merged into one
 * already there) or dismisses it with a reason. The lead keeps its source and its photos move into the enterprise's
 * dossier, so nothing is lost between finding and ledger. Other modules file leads through {@link org.qingyuan.lead.Leads}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leads")
package org.qingyuan.lead;
