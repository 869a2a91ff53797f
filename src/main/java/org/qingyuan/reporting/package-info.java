/**
 * Reporting (报送): for each report the active plan declares (its report calendar), each unit that must report (towns,
 * departments, the district office) has a submission for each period from the period's start: due → prepared →
 * submitted → received, or returned with a reason and corrected by a new submission that supersedes it. Preparing
 * generates the forms and the statistics table from the ledger as of the period's cut-off; submitting freezes them with
 * the summary and the sealed scan under SM3 digests and a seal over the submitter and time. Reminders go to the liaison
 * and the unit's officers before the due date; a submission made after it stays late. The district office's bulletins
 * (周通报, 月小结) are generated from the period's figures and the submissions, as .docx, numbered, and sent to every unit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.qingyuan.reporting;
