package org.qingyuan.ledger.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.qingyuan.QingyuanApplication;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.BatchRegistration;
import org.qingyuan.ledger.BatchRegistration.DuplicatePolicy;
import org.qingyuan.ledger.BatchRegistration.SourcedRow;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.policy.Policies;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The classification at scale; run by {@code bench/classification.sh}, not by the test suite.
 * On a fresh embedded database: imports {@code COUNT} generated enterprises through
 * {@code BatchRegistration.registerImported} in one transaction (chunks of 5,000, as the Excel import
 * does) once without and once with the trigger that marks new rows stale, then lets the background
 * worker classify the stale rows, then activates another policy and lets it classify everything again.
 */
public final class ClassificationBenchmark {

    public static void main(String[] args) {
        int count = Integer.parseInt(System.getProperty("count", "100000"));
        ConfigurableApplicationContext context = SpringApplication.run(QingyuanApplication.class,
                "--qingyuan.embedded.ephemeral=true", "--qingyuan.data-dir=target/bench-classification", "--qingyuan.demo=false",
                "--server.port=0", "--qingyuan.classification.interval=PT1H", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            BatchRegistration batch = context.getBean(BatchRegistration.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            ClassificationWorker worker = context.getBean(ClassificationWorker.class);
            Policies policies = context.getBean(Policies.class);
            List<DivisionCode> villages = new ArrayList<>();
            Divisions divisions = context.getBean(Divisions.class);
            for (Division town : divisions.children(DivisionCode.of("410108"))) {
                divisions.children(town.code()).forEach(v -> villages.add(v.code()));
            }
            System.out.printf("classification benchmark: %,d enterprises, %d cores, policy %s%n", count,
                    Runtime.getRuntime().availableProcessors(), policies.active().map(p -> p.id() + " v" + p.version()).orElse("-"));

            importRows(tx, batch, rows(Math.max(1000, count / 5), villages, 0)); // warm-up (JIT, caches)
            jdbc.sql("ALTER TABLE enterprise DISABLE TRIGGER enterprise_classification_pending").update();
            double without = importRows(tx, batch, rows(count, villages, 1));
            jdbc.sql("ALTER TABLE enterprise ENABLE TRIGGER enterprise_classification_pending").update();
            // what the trigger does, alone: one INSERT … SELECT of the new ids (here marked done, not stale)
            long catchUp = System.nanoTime();
            int added = jdbc.sql("INSERT INTO enterprise_classification (enterprise_id, stale) SELECT id, false FROM enterprise e "
                    + "WHERE NOT EXISTS (SELECT 1 FROM enterprise_classification c WHERE c.enterprise_id = e.id)").update();
            double trigger = (System.nanoTime() - catchUp) / 1e9;
            double with = importRows(tx, batch, rows(count, villages, 2));
            System.out.printf("import of %,d rows (registerImported, one transaction): %.2f s without the stale-marking trigger, "
                    + "%.2f s with it; the trigger's own work (INSERT … SELECT of %,d state rows) %.2f s = %.1f %% of the import%n",
                    count, without, with, added, trigger, trigger / without * 100);

            long started = System.nanoTime();
            int classified = worker.drain();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("background worker: %,d imported enterprises classified in %.2f s (%,.0f/s, batches of 1,000)%n",
                    classified, seconds, classified / seconds);

            started = System.nanoTime();
            policies.activate("tianjin-market-2017", 1, "bench");
            double marking = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            classified = worker.drain();
            seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("activation of another policy: %.2f s (marks every enterprise stale); worker reclassified %,d in %.2f s "
                    + "(%,.0f/s)%n", marking, classified, seconds, classified / seconds);
            System.out.printf("classification records: %,d%n",
                    jdbc.sql("SELECT count(*) FROM classification_record").query(Long.class).single());
            // the rectification module's listener opens, realigns and withdraws cases inside the worker's batches
            System.out.printf("rectification cases: %,d (%,d withdrawn), timeline steps: %,d%n",
                    jdbc.sql("SELECT count(*) FROM rectification_case").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM rectification_case WHERE state = 'WITHDRAWN'").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM rectification_step").query(Long.class).single());
        } finally {
            context.close();
        }
    }

    private static double importRows(TransactionTemplate tx, BatchRegistration batch, List<SourcedRow> rows) {
        Scope scope = Scope.of(DivisionCode.of("410108"));
        long started = System.nanoTime();
        tx.executeWithoutResult(s -> {
            for (int from = 0; from < rows.size(); from += 5000) {
                batch.registerImported(rows.subList(from, Math.min(rows.size(), from + 5000)), DuplicatePolicy.FLAG, scope);
            }
        });
        return (System.nanoTime() - started) / 1e9;
    }

    private static List<SourcedRow> rows(int count, List<DivisionCode> villages, int seed) {
        Random random = new Random(seed);
        Industry[] industries = Industry.values();
        Fact[] facts = Fact.values();
        List<SourcedRow> rows = new ArrayList<>(count);
        LocalDate asOf = LocalDate.of(2026, 3, 1);
        for (int i = 0; i < count; i++) {
            Map<Fact, FactValue> values = new EnumMap<>(Fact.class);
            for (Fact fact : facts) {
                int r = random.nextInt(4);
                if (r < 3) {
                    values.put(fact, new FactValue(r == 0, FactSource.INSPECTION, asOf));
                }
            }
            EnterpriseDetails details = new EnterpriseDetails(
                    new EnterpriseDetails.Identity("基准" + seed + "企业" + i + "号" + Long.toString(random.nextLong(), 36), null, null, null, null),
                    new EnterpriseDetails.Place(villages.get(random.nextInt(villages.size())), "基准路" + seed + "-" + i + "号", null, null),
                    new EnterpriseDetails.Business(industries[random.nextInt(industries.length)], null, null, null, null, null, null,
                            null, null, null),
                    new Facts(values), new EnterpriseDetails.Campaign(EnterpriseType.SLW, Discovery.IMPORT, asOf, null));
            rows.add(new SourcedRow(details, "bench row " + i));
        }
        return rows;
    }
}
