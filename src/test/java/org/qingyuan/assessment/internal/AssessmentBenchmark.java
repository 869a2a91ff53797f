package org.qingyuan.assessment.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.qingyuan.QingyuanApplication;
import org.qingyuan.assessment.FrozenInputs;
import org.qingyuan.assessment.QuarterKey;
import org.qingyuan.assessment.Ranking;
import org.qingyuan.policy.AssessmentScheme;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.Sm3;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The quarterly ranking at scale; run by {@code bench/assessment.sh}, not by the test suite. On a persistent embedded
 * database under {@code target/bench-assessment} with 滨海新区 (120116) as home district it generates (once)
 * {@code ROWS} (default 4,000,000) rows of history in 20 of its towns — rectification cases with their steps over two
 * years (about 90%), rebound and other check-ins of patrols (about 10%) and the towns' weekly report submissions —
 * then times what a freeze computes for last quarter: every contributor's values as of the cut-off, the canonical
 * inputs JSON with its SM3 digest, and the ranking of all the district's towns (p50 and p95 over several runs).
 */
public final class AssessmentBenchmark {

    private static final int WARMUP = 2;
    private static final int RUNS = 9;
    private static final String DISTRICT = "120116";

    public static void main(String[] args) {
        long rows = Long.parseLong(System.getProperty("rows", "4000000"));
        String dataDir = System.getProperty("dataDir", "target/bench-assessment");
        ConfigurableApplicationContext context = SpringApplication.run(QingyuanApplication.class,
                "--qingyuan.data-dir=" + dataDir, "--qingyuan.embedded.ephemeral=false", "--qingyuan.demo=false",
                "--qingyuan.home-district=" + DISTRICT, "--qingyuan.classification.interval=PT24H", "--server.port=0",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            long have = jdbc.sql("SELECT count(*) FROM rectification_case WHERE enterprise_name LIKE '基准%'").query(Long.class).single();
            if (have == 0) {
                long started = System.nanoTime();
                generate(jdbc, rows);
                System.out.printf("generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
            long steps = jdbc.sql("SELECT count(*) FROM rectification_step").query(Long.class).single();
            long checkIns = jdbc.sql("SELECT count(*) FROM patrol_check_in").query(Long.class).single();
            long submissions = jdbc.sql("SELECT count(*) FROM report_submission").query(Long.class).single();
            long cases = jdbc.sql("SELECT count(*) FROM rectification_case").query(Long.class).single();
            System.out.printf("history rows %,d: case steps %,d, check-ins %,d, report submissions %,d (cases %,d)%n",
                    steps + checkIns + submissions, steps, checkIns, submissions, cases);
            measure(context.getBean(AssessmentService.class));
        } finally {
            context.close();
        }
    }

    private static void generate(JdbcClient jdbc, long rows) {
        long caseCount = rows * 9 / 10 / 12;           // 12 steps a case on average
        long checkIns = rows - caseCount * 12 - 20L * 104;
        jdbc.sql("SELECT setseed(0.2026)").query().singleValue();
        jdbc.sql("""
                CREATE TEMP TABLE bench_towns AS
                SELECT array_agg(code ORDER BY code) AS codes FROM (
                    SELECT code FROM division WHERE parent_code = :d ORDER BY code LIMIT 20) t
                """).param("d", DISTRICT).update();
        jdbc.sql("""
                INSERT INTO rectification_case (enterprise_id, enterprise_name, division_code, measure, measure_name, requirements, deadline,
                                                state, town_code, opened_at, updated_at, version)
                SELECT 100000000 + g, '基准企业' || g, t.codes[1 + (g * 7919) % 20], (ARRAY['SHUTDOWN', 'REMEDIATE', 'RELOCATE'])[1 + g % 3],
                       '基准', '{}', (x.opened + interval '90 days')::date,
                       (ARRAY['CLOSED_OUT', 'CLOSED_OUT', 'CLOSED_OUT', 'IN_PROGRESS', 'IN_PROGRESS', 'AWAITING_ACCEPTANCE',
                              'REGISTERED', 'REOPENED', 'ESCALATED', 'CLOSED_OUT'])[1 + (g + g / 20 * (g % 20)) % 10],
                       t.codes[1 + (g * 7919) % 20], x.opened, now(), 0
                  FROM generate_series(1, :n) g CROSS JOIN bench_towns t
                 CROSS JOIN LATERAL (SELECT now() - interval '730 days' * random() - interval '1 day' + g * interval '0 s' AS opened) x
                """).param("n", caseCount).update();
        jdbc.sql("ALTER TABLE rectification_step DISABLE TRIGGER rectification_step_no_change").update();
        // 6–18 steps a case, evenly over its life; the last one leaves it in its state, some marked overdue
        jdbc.sql("""
                INSERT INTO rectification_step (case_id, case_version, kind, actor, at, detail, state, overdue)
                SELECT c.id, k,
                       CASE WHEN k = 1 THEN 'OPENED' WHEN k = s.n AND c.state = 'CLOSED_OUT' THEN 'CLOSED_OUT'
                            WHEN k = s.n AND c.state = 'REOPENED' THEN 'REOPENED' ELSE 'ITEM_RECORDED' END,
                       'bench', c.opened_at + (now() - c.opened_at) * k / (s.n + 1), NULL,
                       CASE WHEN k = 1 THEN 'REGISTERED' WHEN k = s.n THEN c.state ELSE 'IN_PROGRESS' END,
                       c.id % 6 = 0 AND k > s.n / 2 AND c.state <> 'CLOSED_OUT'
                  FROM rectification_case c
                 CROSS JOIN LATERAL (SELECT 6 + (c.id % 13)::int AS n) s
                 CROSS JOIN LATERAL generate_series(1, s.n) k
                 WHERE c.enterprise_name LIKE '基准企业%'
                """).update();
        jdbc.sql("ALTER TABLE rectification_step ENABLE TRIGGER rectification_step_no_change").update();
        // patrols of the towns, 20 check-ins each, one in fifty a rebound
        jdbc.sql("""
                INSERT INTO patrol (kind, division_code, participants, started_at, ended_at, started_by)
                SELECT 'DAY', t.codes[1 + g % 20], '{基准}', now() - interval '730 days' * random(), NULL, 'bench'
                  FROM generate_series(1, :n) g CROSS JOIN bench_towns t
                """).param("n", Math.max(1, checkIns / 20)).update();
        jdbc.sql("""
                INSERT INTO patrol_check_in (patrol_id, division_code, checked_at, finding, recorded_by)
                SELECT p.id, p.division_code, p.started_at + k * interval '5 minutes',
                       CASE WHEN (p.id * 20 + k) % 50 = 0 THEN 'REBOUND' ELSE 'NOTHING' END, 'bench'
                  FROM patrol p CROSS JOIN generate_series(1, 20) k WHERE p.started_by = 'bench'
                """).update();
        // each town's weekly report for two years, one in six late and one in twenty never submitted
        jdbc.sql("""
                INSERT INTO report_submission (policy_id, duty_id, duty_title, parts, period_key, period_label, period_start, cut_off, due,
                                               remind_on, unit_key, unit_name, unit_kind, unit_division, state, first_submitted_at,
                                               submitted_at, submitted_by, created_at)
                SELECT 'bench', 'weekly', '基准周报', '{}', 'W' || w, '第' || w || '周', d, d + 6, d + 8, d + 7, t.code, t.code, 'TOWN', t.code,
                       CASE WHEN (w + i) % 20 = 0 THEN 'DUE' ELSE 'SUBMITTED' END,
                       CASE WHEN (w + i) % 20 = 0 THEN NULL
                            WHEN (w * 7 + i) % 6 = 0 THEN (d + 10)::timestamp AT TIME ZONE 'Asia/Shanghai'
                            ELSE (d + 7)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
                       CASE WHEN (w + i) % 20 = 0 THEN NULL ELSE (d + 7)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
                       CASE WHEN (w + i) % 20 = 0 THEN NULL ELSE 'bench' END, now()
                  FROM generate_series(1, 104) w
                 CROSS JOIN LATERAL (SELECT (date_trunc('week', now()) - w * interval '7 days')::date AS d) x
                 CROSS JOIN bench_towns b CROSS JOIN LATERAL unnest(b.codes) WITH ORDINALITY AS t(code, i)
                """).update();
        jdbc.sql("ANALYZE").update();
    }

    private static void measure(AssessmentService quarters) {
        DivisionCode district = DivisionCode.of(DISTRICT);
        AssessmentScheme scheme = quarters.scheme();
        QuarterKey key = QuarterKey.of(quarters.today()).previous();
        List<Double> times = new ArrayList<>();
        String digest = null;
        Ranking ranking = null;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t = System.nanoTime();
            FrozenInputs inputs = quarters.gather(district, key, key.last().plusDays(scheme.cutOffDays()), scheme);
            String json = AssessmentJson.inputs(inputs);
            digest = Sm3.hex(json);
            ranking = Ranking.compute(inputs, scheme);
            AssessmentJson.ranking(ranking);
            if (i >= WARMUP) {
                times.add((System.nanoTime() - t) / 1e6);
            }
        }
        System.out.printf("quarterly inputs + ranking of %s, %d towns ranked: runs %s ms; p50 %.0f ms, p95 %.0f ms%n", key.label(),
                ranking.rows().size(), times.stream().map(d -> String.format("%.0f", d)).toList(), p(times, 0.5), p(times, 0.95));
        System.out.println("inputs SM3 " + digest + "; first " + ranking.rows().get(0).name() + " " + ranking.rows().get(0).score()
                + ", last " + ranking.rows().get(ranking.rows().size() - 1).name() + " " + ranking.rows().get(ranking.rows().size() - 1).score());
    }

    private static double p(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * q) - 1));
    }
}
