package org.qingyuan.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.demo.DemoData;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.platform.Deployment;
import org.qingyuan.supervision.InspectionTask;
import org.qingyuan.supervision.ItemFinding;
import org.qingyuan.supervision.Problem;
import org.qingyuan.supervision.RoundMode;
import org.qingyuan.supervision.SupervisionRound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, once, after the demo cases and revisits: last quarter's open round, finished — every drawn site
 * inspected, two problems found (one a close-out that did not hold up, its case reopened), one of them rectified,
 * verified and closed out, the other overdue, noticed and summoned (the summons held); and this quarter's covert round
 * in progress with a few sites inspected.
 */
@Component
@Order(60)
class DemoSupervision implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

    private final Deployment deployment;
    private final RoundService rounds;
    private final InspectionService inspections;
    private final ProblemService problems;
    private final JdbcClient jdbc;
    private final DemoData demo;
    private final org.qingyuan.ledger.EnterpriseSites sites;

    DemoSupervision(Deployment deployment, RoundService rounds, InspectionService inspections, ProblemService problems, JdbcClient jdbc,
                    DemoData demo, org.qingyuan.ledger.EnterpriseSites sites) {
        this.sites = sites;
        this.deployment = deployment;
        this.rounds = rounds;
        this.inspections = inspections;
        this.problems = problems;
        this.jdbc = jdbc;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("supervision", () -> {
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM supervision_round)").query(Boolean.class).single()) {
                build();
            }
        });
    }

    private void build() {
        long started = System.nanoTime();
        CurrentUser supervisor = new CurrentUser(0, "supervisor", "区督查组演示账号", "SUPERVISOR", "督查", deployment.homeDistrict(), null);
        LocalDate today = problems.today();
        int quarter = (today.getMonthValue() - 1) / 3;
        int lastYear = quarter == 0 ? today.getYear() - 1 : today.getYear();
        int last = quarter == 0 ? 4 : quarter;
        SupervisionRound finished;
        try {
            finished = rounds.draw(supervisor, new RoundService.NewRound(lastYear + " 年第" + "一二三四".charAt(last - 1) + "季度明察",
                    RoundMode.OPEN, null, "demo-" + lastYear + "-q" + last));
        } catch (RuntimeException e) {
            log.info("演示数据 demo supervision skipped: {}", e.getMessage());
            return;
        }
        byte[] photo = DemoPhotos.sitePhoto(true, 17, "督查检查", Instant.now().minus(2, ChronoUnit.HOURS), null, null);
        List<InspectionTask> tasks = inspections.tasks(supervisor, finished.id(), null);
        InspectionTask contradicted = tasks.stream().filter(t -> t.stratum().closedOut()).findFirst().orElse(null);
        InspectionTask producing = tasks.stream().filter(t -> t != contradicted && !t.stratum().closedOut()).findFirst().orElse(null);
        List<Long> problemIds = new ArrayList<>();
        var located = sites.sites(tasks.stream().map(InspectionTask::enterpriseId).toList());
        for (InspectionTask t : tasks) {
            var site = located.get(t.enterpriseId());
            Double lat = site == null || site.latitude() == null ? null : site.latitude() + 0.0003;
            Double lon = site == null ? null : site.longitude();
            List<ItemFinding> findings = new ArrayList<>();
            String note = null;
            if (t == contradicted) {
                List<ItemFinding> checklist = inspections.checklist(supervisor, t.id());
                ItemFinding first = checklist.get(0);
                findings.add(new ItemFinding(first.item(), null, false, false, first.item().equals(ItemFinding.NO_PRODUCTION)
                        ? "已销号企业现场仍在生产" : "台账称已" + first.label() + "，现场未落实"));
                note = "已销号企业，现场与上报情况不符";
            } else if (t == producing) {
                findings.add(new ItemFinding(ItemFinding.NO_PRODUCTION, null, false, false, "现场有工人作业，未停产"));
                note = "整治期间仍在生产";
            }
            inspections.inspect(supervisor, t.id(), new InspectionService.Inspection(0, lat, lat == null ? null : lon, findings, note,
                    List.of(new InspectionService.Photo("督查现场.jpg", photo))));
        }
        for (Problem p : problems.list(supervisor, null, null, null)) {
            problemIds.add(p.id());
            problems.handOver(supervisor, p.id(), p.version(), "TOWN", null, "镇（街道）分管负责人", null);
        }
        if (!problemIds.isEmpty()) {
            // the first: rectified, verified, closed out
            long first = problemIds.get(0);
            CurrentUser town = new CurrentUser(0, "town", "镇街演示账号", "TOWN_OFFICER", "镇街",
                    org.qingyuan.shared.DivisionCode.of(problems.get(supervisor, first).problem().townCode()), null);
            Problem p = problems.get(supervisor, first).problem();
            p = problems.rectify(town, first, p.version(), "已断电断水，清除原料和设备",
                    List.of(new ProblemService.Upload("整改后.jpg", DemoPhotos.sitePhoto(true, 18, "整改后", Instant.now(), null, null)))).problem();
            p = problems.verify(supervisor, first, p.version(), true, null).problem();
            problems.closeOut(supervisor, first, p.version());
        }
        if (problemIds.size() > 1) {
            // the second: handed over 40 days ago, overdue, noticed, then summoned; the summons held yesterday
            long second = problemIds.get(1);
            jdbc.sql("UPDATE supervision_problem SET handed_at = now() - interval '40 days', deadline = CAST(:d AS date) WHERE id = :id")
                    .param("d", today.minusDays(20)).param("id", second).update();
            problems.escalate(today.minusDays(19));
            problems.escalate(today);
            var summons = problems.get(supervisor, second).escalations().stream()
                    .filter(e -> e.kind() == org.qingyuan.policy.SupervisionRules.StepKind.SUMMONS).findFirst();
            summons.ifPresent(e -> problems.recordSummons(supervisor, e.id(), e.version(), today, "镇长、分管副镇长、镇环保所所长",
                    "通报督查发现的问题，要求立即停产整治", "三个工作日内断电断水并清除设备，报区督查组核实", List.of()));
        }
        rounds.finish(supervisor, finished.id(), rounds.get(supervisor, finished.id()).version());
        // last quarter's round happened last quarter: its draw, inspections and the first problem's steps move back
        // drawn on the 20th day of last quarter, inspected over the next days, finished 25 days after the draw
        LocalDate lastStart = LocalDate.of(lastYear, (last - 1) * 3 + 1, 1);
        int shift = (int) ChronoUnit.DAYS.between(lastStart.plusDays(20), today);
        jdbc.sql("UPDATE supervision_round SET drawn_at = drawn_at - make_interval(days => :s), finished_at = finished_at - make_interval(days => :s - 25) WHERE id = :id")
                .param("s", shift).param("id", finished.id()).update();
        jdbc.sql("UPDATE inspection_task SET inspected_at = inspected_at - make_interval(days => :s - 5) WHERE round_id = :id")
                .param("s", shift).param("id", finished.id()).update();
        jdbc.sql("UPDATE supervision_problem SET found_at = found_at - make_interval(days => :s - 5) WHERE task_id IN (SELECT id FROM inspection_task WHERE round_id = :id)")
                .param("s", shift).param("id", finished.id()).update();
        if (!problemIds.isEmpty()) {
            jdbc.sql("""
                    UPDATE supervision_problem SET handed_at = handed_at - make_interval(days => :s - 7), deadline = deadline - (:s - 7),
                           rectified_at = rectified_at - make_interval(days => :s - 15), verified_at = verified_at - make_interval(days => :s - 17),
                           closed_at = closed_at - make_interval(days => :s - 17) WHERE id = :id
                    """).param("s", shift).param("id", problemIds.get(0)).update();
        }
        // this quarter: a covert round in progress
        SupervisionRound current = rounds.draw(supervisor, new RoundService.NewRound(today.getYear() + " 年第" + "一二三四".charAt(quarter)
                + "季度暗访", RoundMode.COVERT, null, "demo-" + today.getYear() + "-q" + (quarter + 1)));
        inspections.tasks(supervisor, current.id(), null).stream().limit(3).forEach(t -> inspections.inspect(supervisor, t.id(),
                new InspectionService.Inspection(0, null, null, List.of(), "暗访未发现问题", List.of(new InspectionService.Photo("暗访.jpg", photo)))));
        log.info("演示数据 demo supervision: 2 rounds, {} problems in {} ms", problemIds.size(), (System.nanoTime() - started) / 1_000_000);
    }
}
