package org.qingyuan.rectification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.Scope;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.ledger.EnterpriseClassified;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseSummary;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.shared.Page;
import org.qingyuan.platform.Deployment;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.Clearance;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.EffectiveClassification;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.StandardFacts;
import org.qingyuan.rectification.CaseDeadline;
import org.qingyuan.rectification.EscalationRule;
import org.qingyuan.rectification.JointEnforcement;
import org.qingyuan.rectification.MeasurePlan;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.rectification.Requirements;
import org.qingyuan.rectification.ResponsiblePersons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, a campaign in progress over the demo ledger, created once after the demo enterprises:
 * every enterprise that has no case yet is classified under the active policy (exactly what the ledger's own
 * classification publishes, so it does not matter which runs first: a case the ledger already opened is
 * kept), the town sets deadlines (责令限期) so that some cases are overdue and some due soon, a few
 * enterprises are decided for relocation (一企一策), and cases are driven to every state: shutdowns at each
 * step of 两断三清, flagged evidence awaiting review, awaiting acceptance, accepted, closed out, reopened,
 * joint enforcement, a relocation escalated to shutdown, remediations with permits.
 */
@Component
@Order(40)
class DemoCases implements ApplicationRunner {

    static final String MARKER = "演示数据";
    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final int SHUTDOWNS_WORKED = 70;
    private static final int REMEDIATIONS_WORKED = 24;
    private static final String[] PEOPLE = {"王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"};

    private final Deployment deployment;
    private final Ledger ledger;
    private final Policies policies;
    private final ClassificationListener listener;
    private final CaseStore store;
    private final Dossier dossier;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final org.qingyuan.audit.AuditTrail audit;
    private final org.qingyuan.access.Departments departments;

    DemoCases(Deployment deployment, Ledger ledger, Policies policies, ClassificationListener listener, CaseStore store,
              Dossier dossier, JdbcClient jdbc, TransactionTemplate tx, Clock clock, org.qingyuan.audit.AuditTrail audit,
              org.qingyuan.access.Departments departments) {
        this.audit = audit;
        this.departments = departments;
        this.deployment = deployment;
        this.ledger = ledger;
        this.policies = policies;
        this.listener = listener;
        this.store = store;
        this.dossier = dossier;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!deployment.demo() || policies.active().isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> build());
        } catch (RuntimeException e) {
            // demo data must never stop the platform from starting
            log.error("演示数据: demo cases not created", e);
        }
    }

    private void build() {
        jdbc.sql("SELECT pg_advisory_xact_lock(4007)").query().singleValue();
        boolean done = jdbc.sql("SELECT EXISTS (SELECT 1 FROM rectification_step WHERE kind = 'DEADLINE_SET' AND detail LIKE '%' || :m || '%')")
                .param("m", MARKER).query(Boolean.class).single();
        if (!done) {
            long started = System.nanoTime();
            int count = create();
            log.info("演示数据 demo cases: {} cases in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private int create() {
        Scope scope = Scope.of(deployment.homeDistrict());
        List<EnterpriseSummary> enterprises = new ArrayList<>();
        for (int p = 0; ; p++) {
            Page<EnterpriseSummary> page = ledger.search(EnterpriseQuery.all().page(p, EnterpriseQuery.MAX_SIZE), scope);
            enterprises.addAll(page.items());
            if (p + 1 >= page.totalPages()) {
                break;
            }
        }
        if (enterprises.isEmpty()) {
            return 0;
        }
        // classify those the ledger has not classified yet, as the ledger would
        Map<Long, CaseStore.Row> existing = store.byEnterprise(enterprises.stream().map(e -> e.id().value()).toList());
        List<EnterpriseClassified> batch = new ArrayList<>();
        for (EnterpriseSummary e : enterprises) {
            if (!existing.containsKey(e.id().value())) {
                Map<String, Object> facts = new HashMap<>(e.facts().asBooleans());
                facts.values().removeIf(java.util.Objects::isNull);
                if (e.industry() != null) {
                    facts.put(StandardFacts.INDUSTRY, e.industry().label());
                }
                Classification computed = policies.classify(Facts.of(facts), e.division(), null, e.reportedOn());
                batch.add(new EnterpriseClassified(e.id().value(), e.division().value(), EffectiveClassification.of(computed), null,
                        "system", "登记（演示数据分类）"));
            }
        }
        listener.apply(batch);

        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.now(clock.withZone(EvidenceCheck.CHINA));
        List<CaseStore.Row> rows = store.load("c.division_code LIKE :prefix || '%' ORDER BY c.id",
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("prefix", scope.prefix()));
        Map<MeasureKind, List<CaseStore.Row>> byMeasure = new LinkedHashMap<>();
        rows.forEach(r -> byMeasure.computeIfAbsent(r.rectificationCase().measure(), k -> new ArrayList<>()).add(r));

        List<RectificationCase> changed = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        DemoEvidence demo = new DemoEvidence(dossier, now, today);
        int i = 0;
        for (CaseStore.Row row : rows) {
            RectificationCase c = row.rectificationCase();
            if (!c.state().acceptsWork()) {
                continue;
            }
            versions.add(c.version());
            changed.add(c);
            String division = c.divisionCode();
            String department = i % 3 == 0 ? "ENVIRONMENT" : i % 3 == 1 ? "MARKET_REGULATION" : null;
            c.assign(new ResponsiblePersons(division.substring(0, 9), division.length() == 12 ? division : null, department,
                    PEOPLE[i % PEOPLE.length], "1380371" + String.format("%04d", 1000 + i),
                    "410108001001".equals(division) ? "grid" : null), department == null ? null : departments.name(department), "town", now);
            // the plan's 2017 dates have passed: the towns set their own deadlines (责令限期), some already passed
            LocalDate deadline = i % 7 == 0 ? today.minusDays(2 + (i * 5) % 40) : i % 7 == 1 ? today.plusDays(2 + i % 3)
                    : today.plusDays(10 + (i * 13) % 80);
            c.setDeadline(deadline, "镇政府责令限期整改通知书〔" + today.getYear() + "〕" + (100 + i) + "号（" + MARKER + "）", "town", now);
            if (i % 7 == 0) {
                c.markOverdue(today, now);
            }
            i++;
        }

        // shutdowns at each step of 两断三清, then acceptance, close-out, rebound, joint enforcement
        List<RectificationCase> shutdowns = open(byMeasure.get(MeasureKind.SHUTDOWN));
        List<Requirement> five = List.of(Requirement.CUT_WATER, Requirement.CUT_POWER, Requirement.CLEAR_MATERIALS,
                Requirement.CLEAR_PRODUCTS, Requirement.CLEAR_EQUIPMENT);
        // the pattern of 14 repeats over about a third of the shutdowns, so the board shows a campaign under way
        for (int n = 0; n < shutdowns.size() && n < SHUTDOWNS_WORKED; n++) {
            int k = n % 14;
            RectificationCase c = shutdowns.get(n);
            CaseStore.Row row = rowOf(rows, c);
            try {
                // 0..4: that many of the five items done; 5: all five, the last with a flagged photo
                int steps = k <= 5 ? k : k == 11 ? 1 : k == 12 ? 2 : 5;
                for (int s = 0; s < steps; s++) {
                    demo.record(c, row, five.get(s), k == 5 && s == 4);
                }
                if (k >= 6 && k <= 10 || k == 13) {
                    c.submitForAcceptance("grid", now);
                }
                if (k >= 7 && k <= 10) {
                    c.accept("env-dept", "现场核查：已断水断电，原料、产品、生产设备均已清除，厂房空置（" + MARKER + "）", now);
                }
                if (k >= 8 && k <= 10) {
                    c.closeOut("town", today, now);
                }
                if (k == 10) {
                    c.reopen("supervisor", "回头看发现夜间恢复生产（死灰复燃）", now);
                }
                if (k == 11 || k == 12) {
                    c.setDeadline(today.minusDays(5), "责令限期自行拆除清理已届满（" + MARKER + "）", "town", now);
                    c.markOverdue(today, now);
                }
                if (k == 12) {
                    c.recordJointEnforcement(new JointEnforcement(today.minusDays(1), List.of("ENVIRONMENT", "POWER_SUPPLY", "MARKET_REGULATION", "PUBLIC_SECURITY"),
                            "强制断电，查封生产设备", "town"), today, now);
                }
            } catch (RuntimeException e) {
                log.warn("演示数据: shutdown case {} left as it is: {}", c.id(), e.getMessage());
            }
        }

        // relocations decided case by case (一企一策): one fresh, one under way, one escalated to shutdown
        List<RectificationCase> remediations = open(byMeasure.get(MeasureKind.REMEDIATE));
        for (int k = 0; k < 3 && k + 8 < remediations.size(); k++) {
            RectificationCase c = remediations.get(remediations.size() - 1 - k);
            try {
                LocalDate due = k == 2 ? today.minusDays(3) : today.plusDays(60 + k * 30);
                var rule = new EscalationRule(DeadlineKind.RELOCATE, "在规定期限内未完成搬迁整改", MeasureKind.SHUTDOWN,
                        "列入关停取缔类，依法关停取缔", List.of(Clearance.values()));
                c.realign(new MeasurePlan(MeasureKind.RELOCATE, "停产搬迁（一企一策）", Requirements.defaultFor(MeasureKind.RELOCATE), due,
                        List.of(new CaseDeadline(DeadlineKind.RELOCATE, "停产搬迁", due, "镇政府依法限期", "一企一策：引导迁入工业园区")),
                        List.of(rule), c.plan().policyId(), c.plan().policyVersion()), "district", "一企一策调整（" + MARKER + "）", now);
                if (k >= 1) {
                    demo.record(c, rowOf(rows, c), Requirement.PRODUCTION_STOPPED, false);
                }
                if (k == 2) {
                    LocalDate newDeadline = today.plusDays(21);
                    c.escalate(rule, new MeasurePlan(MeasureKind.SHUTDOWN, "关停取缔（逾期升级）",
                            Requirements.of(MeasureKind.SHUTDOWN, rule.clearances()), newDeadline,
                            List.of(new CaseDeadline(DeadlineKind.RELOCATE, "停产搬迁", due, "镇政府依法限期", null),
                                    new CaseDeadline(DeadlineKind.BAN, "完成取缔", newDeadline, "升级后 15 个工作日内", rule.action())),
                            List.of(), c.plan().policyId(), c.plan().policyVersion()), today, now);
                }
            } catch (RuntimeException e) {
                log.warn("演示数据: relocation case {} left as it is: {}", c.id(), e.getMessage());
            }
        }

        // remediations: permits obtained, awaiting acceptance, closed out
        for (int n = 0; n < remediations.size() - 3 && n < REMEDIATIONS_WORKED; n++) {
            int k = n % 6;
            RectificationCase c = remediations.get(n);
            if (k == 0) {
                continue;
            }
            try {
                for (Requirement r : c.requirements()) {
                    if (k >= 2 || r == Requirement.APPROVALS_OBTAINED) {
                        demo.record(c, rowOf(rows, c), r, false);
                    }
                }
                if (k >= 3 && c.missingItems().isEmpty()) {
                    c.submitForAcceptance("village", now);
                    if (k >= 4) {
                        c.accept("env-dept", "现场监察：手续齐全，污染物排放稳定达标，准予恢复生产（" + MARKER + "）", now);
                        c.closeOut("town", today, now);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("演示数据: remediation case {} left as it is: {}", c.id(), e.getMessage());
            }
        }
        store.updateAll(changed, versions, null, now);
        audit.record(new org.qingyuan.audit.AuditEvent("DEMO_CASES_CREATED", CaseService.OWNER_TYPE, null, MARKER,
                Map.of("cases", rows.size(), "changed", changed.size())));
        return rows.size();
    }

    private static List<RectificationCase> open(List<CaseStore.Row> rows) {
        return rows == null ? List.of() : rows.stream().map(CaseStore.Row::rectificationCase).filter(c -> c.state().acceptsWork()).toList();
    }

    private static CaseStore.Row rowOf(List<CaseStore.Row> rows, RectificationCase c) {
        return rows.stream().filter(r -> r.rectificationCase() == c).findFirst().orElseThrow();
    }
}
