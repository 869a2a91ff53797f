package org.qingyuan.reporting;

import java.time.LocalDate;
import java.util.List;

import org.qingyuan.statistics.Tally;

/**
 * What a bulletin would say if published now: its number, period, the figures by town ranked by completion rate, and
 * the late and missing submissions of reports due in the period.
 *
 * @param ranking the towns, best completion rate first
 * @param overdueReports the submissions due in the period that are late (made late, or not made)
 */
public record BulletinDraft(BulletinKind kind, int year, int number, String periodKey, String periodLabel, LocalDate periodStart,
                            LocalDate periodEnd, String title, String issuer, Tally tally, List<Ranked> ranking,
                            List<SubmissionView> overdueReports, boolean alreadyPublished) {

    /** A town's place in the ranking. */
    public record Ranked(int rank, org.qingyuan.statistics.TallyRow row) {
    }

    public String issueNumber() {
        return "〔" + year + "〕第" + number + "期";
    }
}
