package org.qingyuan.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.qingyuan.shared.WorkingDayCalendar;

/**
 * One report a plan requires (its report calendar): what, who submits it to whom, when, and what a holiday does to the
 * due date.
 *
 * @param id unique in the plan, e.g. monthly-ledger
 * @param title as the document names it
 * @param parts what is submitted
 * @param form with {@link ReportPart#LEDGER_FORM}: which official form ({@code survey} = 001 附件1, {@code community} = 004 附件2)
 * @param recipient to whom (区整治办)
 * @param remindDaysBefore working days before the due date when the units are reminded
 * @param source the section of the document
 */
public record ReportDuty(String id, String title, List<ReportPart> parts, String form, Set<Submitter> submitters,
                         String recipient, ReportSchedule schedule, HolidayRule holidays, int remindDaysBefore, String source) {

    public boolean submittedBy(Submitter s) {
        return submitters.contains(s);
    }

    /** The period of this report that includes the date. */
    public ReportPeriod periodContaining(LocalDate date, WorkingDayCalendar calendar) {
        return schedule.periodContaining(date, holidays, calendar);
    }

    public ReportPeriod previous(ReportPeriod period, WorkingDayCalendar calendar) {
        return schedule.previous(period, holidays, calendar);
    }

    /** The day the units are reminded: {@code remindDaysBefore} working days before the due date (never after it). */
    public LocalDate reminderDate(ReportPeriod period, WorkingDayCalendar calendar) {
        LocalDate d = period.due();
        int n = 0;
        while (n < remindDaysBefore) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return d;
    }
}
