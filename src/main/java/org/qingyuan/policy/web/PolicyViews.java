package org.qingyuan.policy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.qingyuan.policy.Category;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.Clearance;
import org.qingyuan.policy.Deadline;
import org.qingyuan.policy.DeadlineRule;
import org.qingyuan.policy.Due;
import org.qingyuan.policy.Escalation;
import org.qingyuan.policy.FactDefinition;
import org.qingyuan.policy.Flag;
import org.qingyuan.policy.Measure;
import org.qingyuan.policy.MeasureSubKind;
import org.qingyuan.policy.NamedList;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.PolicySummary;
import org.qingyuan.policy.PolicyTest;
import org.qingyuan.policy.Question;
import org.qingyuan.policy.Referral;
import org.qingyuan.policy.ReportDuty;
import org.qingyuan.policy.ReportSchedule;
import org.qingyuan.policy.Zone;

/** The policies and evaluations as the JSON API shows them. */
final class PolicyViews {

    private PolicyViews() {
    }

    record SummaryView(String id, int version, String title, String issuer, String document, String region, boolean active,
                       Integer activeVersion, List<Integer> versions) {

        static SummaryView of(PolicySummary s) {
            return new SummaryView(s.id(), s.version(), s.title(), s.issuer(), s.document(), s.region(), s.active(),
                    s.activeVersion(), s.versions());
        }
    }

    record DueView(String type, String value, String text) {

        static DueView of(Due due) {
            if (due instanceof Due.FixedDate d) {
                return new DueView("date", d.date().toString(), due.describe());
            }
            if (due instanceof Due.EndOfMonth d) {
                return new DueView("endOfMonth", d.month().toString(), due.describe());
            }
            if (due instanceof Due.CalendarMonths d) {
                return new DueView("months", Integer.toString(d.months()), due.describe());
            }
            if (due instanceof Due.CalendarDays d) {
                return new DueView("days", Integer.toString(d.days()), due.describe());
            }
            if (due instanceof Due.WorkingDays d) {
                return new DueView("workingDays", Integer.toString(d.days()), due.describe());
            }
            return new DueView("perCase", null, due.describe());
        }
    }

    record DeadlineRuleView(String kind, String label, DueView due, String source) {

        static DeadlineRuleView of(DeadlineRule rule) {
            return new DeadlineRuleView(rule.kind().name(), rule.label(), DueView.of(rule.due()), rule.source());
        }
    }

    record EscalationView(String after, String trigger, String becomes, String action, List<String> clearances, String source) {

        static EscalationView of(Escalation e) {
            return new EscalationView(e.after() == null ? null : e.after().name(), e.trigger(),
                    e.becomes() == null ? null : e.becomes().name(), e.action(), names(e.clearances()), e.source());
        }
    }

    record MeasureView(String kind, String kindLabel, List<String> subKinds, String label, String text, String production,
                       String productionLabel, boolean stopProduction, List<DeadlineRuleView> deadlines, List<String> clearances,
                       List<String> acceptance, List<EscalationView> escalations, String source) {

        static MeasureView of(Measure m) {
            return m == null ? null : new MeasureView(m.kind().name(), m.kind().label(),
                    m.subKinds().stream().map(MeasureSubKind::code).toList(), m.label(), m.text(), m.production().name(),
                    m.production().label(), m.stopProduction(), m.deadlines().stream().map(DeadlineRuleView::of).toList(),
                    names(m.clearances()), m.acceptance(), m.escalations().stream().map(EscalationView::of).toList(), m.source());
        }
    }

    record DisposalView(List<String> zones, String condition, MeasureView measure) {
    }

    record CategoryView(String id, String label, String definition, String condition, String source,
                        List<DisposalView> disposals) {

        static CategoryView of(Category c) {
            return new CategoryView(c.id(), c.label(), c.definition(), c.condition(), c.source(), c.disposals().stream()
                    .map(d -> new DisposalView(d.zones(), d.condition(), MeasureView.of(d.measure()))).toList());
        }
    }

    record ReferralView(String id, String label, String to, String condition, DueView due, String source) {

        static ReferralView of(Referral r) {
            return new ReferralView(r.id(), r.label(), r.to(), r.condition(), DueView.of(r.due()), r.source());
        }
    }

    /** A code with its Chinese label (report parts, submitters, holiday rules). */
    record Labelled(String code, String label) {
    }

    record ScheduleView(String every, String everyLabel, List<Integer> days, String dayOfWeek, String text) {

        static ScheduleView of(ReportSchedule s) {
            return new ScheduleView(s.every().name(), s.every().label(), s.days(),
                    s.dayOfWeek() == null ? null : s.dayOfWeek().name(), s.describe());
        }
    }

    record ReportView(String id, String title, List<Labelled> parts, String form, List<Labelled> submitters, String to,
                      ScheduleView schedule, Labelled holidays, int remindDaysBefore, String source) {

        static ReportView of(ReportDuty d) {
            return new ReportView(d.id(), d.title(), d.parts().stream().map(p -> new Labelled(p.name(), p.label())).toList(),
                    d.form(), d.submitters().stream().map(s -> new Labelled(s.name(), s.label())).toList(), d.recipient(),
                    ScheduleView.of(d.schedule()), new Labelled(d.holidays().name(), d.holidays().label()), d.remindDaysBefore(),
                    d.source());
        }
    }

    record PolicyView(String id, int version, String title, String issuer, String document, LocalDate issued, String region,
                      String seed, String summary, String noneLabel, String contentHash, boolean active, List<Integer> versions,
                      List<Zone> zones, List<FactDefinition> facts, List<PolicyTest> tests, List<CategoryView> categories,
                      List<NamedList> lists, List<Flag> flags, List<ReferralView> referrals, List<ReportView> reports) {

        static PolicyView of(Policy p, PolicySummary summary) {
            var i = p.info();
            boolean active = summary.activeVersion() != null && summary.activeVersion() == p.version();
            return new PolicyView(i.id(), i.version(), i.title(), i.issuer(), i.document(), i.issued(), i.region(), i.seed(),
                    i.summary(), i.noneLabel(), i.contentHash(), active, summary.versions(), p.zones(), p.facts(), p.tests(),
                    p.categories().stream().map(CategoryView::of).toList(), p.lists(), p.flags(),
                    p.referrals().stream().map(ReferralView::of).toList(), p.reports().stream().map(ReportView::of).toList());
        }
    }

    record DeadlineView(String kind, String label, LocalDate date, String rule, String note, String source) {

        static DeadlineView of(Deadline d) {
            return new DeadlineView(d.kind().name(), d.label(), d.date(), d.rule(), d.note(), d.source());
        }
    }

    record EvaluationView(String policy, int version, String category, String categoryLabel, List<String> possibleCategories,
                          String zone, Map<String, Boolean> tests, MeasureView measure, List<DeadlineView> deadlines,
                          List<String> flags, List<Question> questions, String explanation, LocalDate noticeDate) {

        static EvaluationView of(Classification c) {
            return new EvaluationView(c.policyId(), c.policyVersion(), c.category(), c.categoryLabel(), c.possibleCategories(),
                    c.zone(), c.tests(), MeasureView.of(c.measure()), c.deadlines().stream().map(DeadlineView::of).toList(),
                    c.flags(), c.questions(), c.explanation(), c.noticeDate());
        }
    }

    private static List<String> names(List<Clearance> clearances) {
        return clearances.stream().map(Clearance::name).toList();
    }
}
