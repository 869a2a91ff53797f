/**
 * Statistics from the ledger and the cases, as of any date (issue 15 §4, §6): counts by town, village, type, category,
 * measure and case state, the period's found, closed-out and reopened enterprises, overdue cases and the completion
 * rate, each figure with the list of enterprises behind it; and each enterprise's strip of period ends. Nothing is
 * stored: every figure is reconstructed from the ledger's version history ({@code ledger_enterprise_as_of}) and the
 * cases' timelines ({@code rectification_case_of}, {@code rectification_case_events}), the two modules' published read
 * models, so that the figures of a past date never change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.qingyuan.statistics;
