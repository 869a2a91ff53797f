package org.qingyuan.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.ReportDuty;
import org.qingyuan.policy.ReportPart;
import org.qingyuan.policy.ReportPeriod;
import org.qingyuan.policy.Submitter;
import org.qingyuan.policy.WorkingDays;
import org.qingyuan.shared.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The active plan's report calendar as the reporting module uses it: the reports units submit (not the district
 * office's bulletins) and their periods under the working-day calendar.
 */
@Component
class ReportCalendar {

    /** A report units submit, with the active plan it comes from. */
    record Duty(String policyId, ReportDuty duty) {
        List<String> parts() {
            return duty.parts().stream().map(ReportPart::name).toList();
        }
    }

    private final Policies policies;
    private final WorkingDays workingDays;

    ReportCalendar(Policies policies, WorkingDays workingDays) {
        this.policies = policies;
        this.workingDays = workingDays;
    }

    /** The reports of the active plan that units submit (the bulletins are the district office's own, see Bulletins). */
    List<Duty> duties() {
        Optional<Policy> active = policies.active();
        if (active.isEmpty()) {
            return List.of();
        }
        List<Duty> duties = new ArrayList<>();
        for (ReportDuty d : active.get().reports()) {
            if (d.parts().stream().noneMatch(p -> p == ReportPart.WEEKLY_BULLETIN || p == ReportPart.MONTHLY_SUMMARY)) {
                duties.add(new Duty(active.get().id(), d));
            }
        }
        return duties;
    }

    /** The active plan's bulletin duty of the part (WEEKLY_BULLETIN or MONTHLY_SUMMARY), if it declares one. */
    Optional<ReportDuty> bulletin(ReportPart part) {
        return policies.active().flatMap(p -> p.reports().stream().filter(d -> d.parts().contains(part)).findFirst());
    }

    ReportPeriod periodContaining(ReportDuty duty, LocalDate date) {
        return duty.periodContaining(date, calendar());
    }

    ReportPeriod previous(ReportDuty duty, ReportPeriod period) {
        return duty.previous(period, calendar());
    }

    LocalDate reminderDate(ReportDuty duty, ReportPeriod period) {
        return duty.reminderDate(period, calendar());
    }

    static boolean submittedBy(ReportDuty duty, String unitKind) {
        return duty.submittedBy(Submitter.valueOf(unitKind.equals("TOWN") ? "TOWNS" : unitKind.equals("DEPARTMENT") ? "DEPARTMENTS" : "DISTRICT"));
    }

    WorkingDayCalendar calendar() {
        return workingDays.calendar();
    }
}
