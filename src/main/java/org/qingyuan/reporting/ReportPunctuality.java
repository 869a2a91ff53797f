package org.qingyuan.reporting;

import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.Scope;

/**
 * The towns' punctuality for the home pages, read from the submissions exactly as the 报送 list page classifies them
 * (today by the injected clock, China's calendar day): of each report's latest two periods that have started, per town,
 * how many are due, submitted on time, submitted late, missing (past the due date, not submitted) and still pending.
 * Every read is limited to the scope's division prefix (and department).
 */
public interface ReportPunctuality {

    /** One town's figures; {@code due = onTime + late + missing + pending}. */
    record TownReports(String divisionCode, String townName, int due, int onTime, int late, int missing, int pending) {
    }

    /** A unit's report still to submit: the page to submit it and whether its due date has passed. */
    record OpenReport(long id, String title, String periodLabel, LocalDate due, boolean overdue) {
    }

    /** Per town of the scope, in the order of the division codes. */
    List<TownReports> byTown(Scope scope);

    /** The scope's towns' reports of those periods not submitted yet, overdue first, then by due date. */
    List<OpenReport> open(Scope scope);
}
