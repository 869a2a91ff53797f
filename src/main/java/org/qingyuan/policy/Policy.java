package org.qingyuan.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.qingyuan.shared.WorkingDayCalendar;

/** One version of a locality's plan, read from its policy file; evaluation is pure and fast. */
public interface Policy {

    PolicyInfo info();

    default String id() {
        return info().id();
    }

    default int version() {
        return info().version();
    }

    /** The zones whose measures differ; empty when the plan has none. */
    List<Zone> zones();

    /** The facts it tests (standard ones and its own), in the order it asks them. */
    List<FactDefinition> facts();

    List<PolicyTest> tests();

    List<Category> categories();

    List<NamedList> lists();

    List<Flag> flags();

    List<Referral> referrals();

    /** Its report calendar: the reports it requires, who submits them and when; empty when it sets none. */
    List<ReportDuty> reports();

    /** When closed-out enterprises are revisited (回头看): the plan's {@code revisits:}, or {@link RevisitSchedule#DEFAULT}. */
    RevisitSchedule revisits();

    /** How the district supervises its towns (督查): the plan's {@code supervision:}, or {@link SupervisionRules#DEFAULT}. */
    SupervisionRules supervision();

    /**
     * The provisions gatekeeping answers cite (准入把关): the plan's {@code gatekeeping:}, or {@link GatekeepingBasis#NONE};
     * a provision left out is null.
     */
    GatekeepingBasis gatekeeping();

    /** How the district assesses its towns each quarter (季度考核): the plan's {@code assessment:}, or {@link AssessmentScheme#DEFAULT}. */
    AssessmentScheme assessment();

    default Optional<ReportDuty> report(String id) {
        return reports().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The raw policy file. */
    String content();

    default Optional<Zone> zone(String id) {
        return zones().stream().filter(z -> z.id().equals(id)).findFirst();
    }

    default Optional<Category> category(String id) {
        return categories().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The fact of this name that this policy accepts (its own or a standard one), if any. */
    Optional<FactDefinition> fact(String name);

    /**
     * Classifies one enterprise.
     *
     * @param facts what is known; facts the policy does not know are refused
     * @param zone the enterprise's zone, or null when not known (then zone-dependent measures stay open)
     * @param noticeDate the date of the notice (告知 / 责令) from which relative deadlines run, or null
     * @param calendar the working-day calendar
     * @throws org.qingyuan.shared.InvalidInputException for an unknown fact, a wrongly typed value or an unknown zone
     */
    Classification evaluate(Facts facts, String zone, LocalDate noticeDate, WorkingDayCalendar calendar);
}
