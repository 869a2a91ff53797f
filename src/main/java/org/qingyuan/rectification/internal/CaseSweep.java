package org.qingyuan.rectification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.WorkingDays;
import org.qingyuan.rectification.CaseDeadline;
import org.qingyuan.rectification.EscalationRule;
import org.qingyuan.rectification.MeasurePlan;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.Requirements;
import org.qingyuan.shared.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily sweep over open cases (one node at a time, ShedLock): applies the policy's escalations whose
 * deadline passed, marks overdue cases, and reminds N working days before each deadline. Each step lands in
 * the case's timeline, the audit trail and the inboxes of the responsible person and of the officers whose
 * jurisdiction covers the case; dedup keys make a second run on the same day deliver nothing new.
 */
@Component
class CaseSweep {

    private static final Logger log = LoggerFactory.getLogger(CaseSweep.class);
    private static final int PAGE = 500;

    private final CaseStore store;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final WorkingDays workingDays;
    private final RectificationProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    CaseSweep(CaseStore store, Inbox inbox, AuditTrail audit, WorkingDays workingDays, RectificationProperties properties,
              TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.inbox = inbox;
        this.audit = audit;
        this.workingDays = workingDays;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** What one sweep did. */
    record Result(int escalated, int overdue, int reminded) {
    }

    @Scheduled(cron = "${qingyuan.rectification.sweep-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "rectification-daily-sweep", lockAtMostFor = "PT30M")
    public void daily() {
        Result r = sweep(LocalDate.now(clock.withZone(EvidenceCheck.CHINA)));
        log.info("Rectification sweep: {} escalated, {} overdue, {} reminded", r.escalated(), r.overdue(), r.reminded());
    }

    /** Sweeps every open case as of a day, a page of cases per transaction. */
    public Result sweep(LocalDate today) {
        int[] totals = new int[3];
        long after = 0;
        while (true) {
            long from = after;
            Long last = tx.execute(status -> {
                List<CaseStore.Row> rows = store.openCases(from, PAGE);
                if (rows.isEmpty()) {
                    return null;
                }
                sweepPage(rows, today, totals);
                return rows.get(rows.size() - 1).rectificationCase().id();
            });
            if (last == null) {
                break;
            }
            after = last;
        }
        return new Result(totals[0], totals[1], totals[2]);
    }

    private void sweepPage(List<CaseStore.Row> rows, LocalDate today, int[] totals) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        WorkingDayCalendar calendar = workingDays.calendar();
        List<RectificationCase> changed = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        for (CaseStore.Row row : rows) {
            RectificationCase c = row.rectificationCase();
            int version = c.version();
            String name = row.enterpriseName();
            for (EscalationRule rule : c.dueEscalations(today)) {
                MeasurePlan next = rule.becomes() == null ? null : escalatedPlan(c, rule, today, calendar);
                c.escalate(rule, next, today, now);
                totals[0]++;
                audit.record(new AuditEvent("CASE_ESCALATED", CaseService.OWNER_TYPE, Long.toString(c.id()), rule.trigger(),
                        details(c, "rule", rule.key())));
                notify(c, List.of("TOWN_OFFICER", "DISTRICT_OFFICE"), new Notice("CASE_ESCALATED",
                        "升级处置：" + name, rule.trigger() + "，" + (next == null ? rule.action()
                        : "转为" + next.measureName() + "，新期限 " + next.deadline()), link(c),
                        "case-" + c.id() + "-escalated-" + rule.key()));
            }
            if (c.markOverdue(today, now)) {
                totals[1]++;
                audit.record(new AuditEvent("CASE_OVERDUE", CaseService.OWNER_TYPE, Long.toString(c.id()), null,
                        details(c, "deadline", String.valueOf(c.deadline()))));
                notify(c, List.of("TOWN_OFFICER"), new Notice("CASE_OVERDUE", "已逾期：" + name,
                        c.measureName() + "期限 " + c.deadline() + " 已过，尚缺 " + c.missingItems().size() + " 项", link(c),
                        "case-" + c.id() + "-overdue-" + c.deadline()));
            }
            for (CaseDeadline d : remindable(c)) {
                if (d.date().isAfter(today) && calendar.workingDaysBetween(today, d.date()) <= properties.reminderWorkingDays()) {
                    int delivered = notify(c, List.of("TOWN_OFFICER"), new Notice("CASE_DUE_SOON",
                            "即将到期：" + name, d.label() + "期限 " + d.date() + "（还有 "
                            + calendar.workingDaysBetween(today, d.date()) + " 个工作日）", link(c),
                            "case-" + c.id() + "-due-" + d.kind() + "-" + d.date()));
                    if (delivered > 0) {
                        totals[2]++;
                        audit.record(new AuditEvent("CASE_REMINDED", CaseService.OWNER_TYPE, Long.toString(c.id()), null,
                                details(c, "deadline", d.kind() + " " + d.date())));
                        c.reminded(d.label(), d.date(), now);
                    }
                }
            }
            if (!c.newSteps().isEmpty()) {
                changed.add(c);
                versions.add(version);
            }
        }
        store.updateAll(changed, versions, null, now);
    }

    /** The main deadline and every other dated deadline of the plan, each once. */
    private static List<CaseDeadline> remindable(RectificationCase c) {
        Map<String, CaseDeadline> byDate = new LinkedHashMap<>();
        if (c.deadline() != null) {
            byDate.put("MAIN " + c.deadline(), new CaseDeadline(mainKind(c.measure()), c.measureName(), c.deadline(), null, null));
        }
        for (CaseDeadline d : c.plan().deadlines()) {
            if (d.date() != null && !d.date().equals(c.deadline())) {
                byDate.putIfAbsent(d.kind() + " " + d.date(), d);
            }
        }
        return List.copyOf(byDate.values());
    }

    private MeasurePlan escalatedPlan(RectificationCase c, EscalationRule rule, LocalDate today, WorkingDayCalendar calendar) {
        MeasureKind kind = rule.becomes();
        LocalDate deadline = calendar.plusWorkingDays(today, properties.escalationWorkingDays());
        List<CaseDeadline> deadlines = new ArrayList<>(c.plan().deadlines());
        deadlines.add(new CaseDeadline(mainKind(kind), mainKind(kind).label(), deadline,
                "升级后 " + properties.escalationWorkingDays() + " 个工作日内（实施方案未规定）", rule.action()));
        String name = kind == MeasureKind.SHUTDOWN ? "关停取缔（逾期升级）" : kind.label() + "（逾期升级）";
        return new MeasurePlan(kind, name, Requirements.of(kind, rule.clearances()), deadline, deadlines, List.of(),
                c.plan().policyId(), c.plan().policyVersion());
    }

    private static DeadlineKind mainKind(MeasureKind kind) {
        return switch (kind) {
            case SHUTDOWN -> DeadlineKind.BAN;
            case RELOCATE -> DeadlineKind.RELOCATE;
            default -> DeadlineKind.REMEDIATE;
        };
    }

    private int notify(RectificationCase c, List<String> roles, Notice notice) {
        int delivered = inbox.deliverToRoles(roles, c.divisionCode(), notice);
        String username = c.responsible().username();
        if (username != null) {
            delivered += inbox.deliver(List.of(username), notice);
        }
        return delivered;
    }

    private static Map<String, Object> details(RectificationCase c, String key, String value) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(key, value);
        d.put("state", c.state().name());
        d.put("measure", c.measure().name());
        return d;
    }

    private static String link(RectificationCase c) {
        return "/cases/" + c.id();
    }
}
