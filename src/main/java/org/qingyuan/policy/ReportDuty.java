package org.qingyuan.policy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.qingyuan.shared.WorkingDayCalendar;

/**
 * One report a plan requires (an entry of its report calendar, docs/policies.md "Reports"): what is submitted, who
 * submits it to whom, when, and what a day off work does to the due date.
 *
 * @param id unique in the plan, {@code [a-z0-9-]+}, e.g. monthly-ledger
 * @param title the report as the document names it
 * @param parts what is submitted, in the file's order (at least one)
 * @param form with {@link ReportPart#LEDGER_FORM} only: which official form layout ({@code survey} = 001 附件1 排查台账,
 *             {@code community} = 004 附件2 社区统计表); otherwise null
 * @param submitters who submits it (at least one), in the enum's order
 * @param recipient to whom, as the document says (区整治办, 区经发委918室 …)
 * @param schedule when it is due
 * @param holidays what happens when the nominal due day is not a working day
 * @param remindDaysBefore how many working days before the due date the submitters are reminded (at least 1)
 * @param source the section of the document
 */
public record ReportDuty(String id, String title, List<ReportPart> parts, String form, Set<Submitter> submitters,
                         String recipient, ReportSchedule schedule, HolidayRule holidays, int remindDaysBefore, String source) {

    public ReportDuty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(holidays, "holidays");
        parts = List.copyOf(parts);
        if (parts.isEmpty() || submitters.isEmpty()) {
            throw new IllegalArgumentException("报送事项“" + id + "”须写明报送内容和报送单位");
        }
        if ((form != null) != parts.contains(ReportPart.LEDGER_FORM)) {
            throw new IllegalArgumentException("报送事项“" + id + "”：form 须且只须与台账报表（LEDGER_FORM）同用");
        }
        if (remindDaysBefore < 1) {
            throw new IllegalArgumentException("报送事项“" + id + "”：提前提醒至少 1 个工作日");
        }
        submitters = Collections.unmodifiableSet(EnumSet.copyOf(submitters));
    }

    public boolean submittedBy(Submitter submitter) {
        return submitters.contains(submitter);
    }

    /** The period of this report whose days include the date. */
    public ReportPeriod periodContaining(LocalDate date, WorkingDayCalendar calendar) {
        return schedule.periodContaining(date, holidays, calendar);
    }

    /** The periods of this report whose cut-off falls in [from, to], oldest first. */
    public List<ReportPeriod> periodsBetween(LocalDate from, LocalDate to, WorkingDayCalendar calendar) {
        return schedule.periodsBetween(from, to, holidays, calendar);
    }

    /** The period just before this one. */
    public ReportPeriod previous(ReportPeriod period, WorkingDayCalendar calendar) {
        return schedule.previous(period, holidays, calendar);
    }

    /** The day the submitters are reminded: {@code remindDaysBefore} working days before the period's due date. */
    public LocalDate reminderDate(ReportPeriod period, WorkingDayCalendar calendar) {
        LocalDate d = period.due();
        for (int n = 0; n < remindDaysBefore; ) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return d;
    }
}
