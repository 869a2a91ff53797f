package org.qingyuan.policy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.qingyuan.policy.Classification;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.FactDefinition;
import org.qingyuan.policy.FactType;
import org.qingyuan.shared.WorkingDayCalendar;

/**
 * Evaluations per second on one thread, for each shipped policy: random facts (one in ten unknown),
 * random zones and notice dates, full result with explanation and deadlines. Prints the rate per
 * second of wall-clock time and per second of the thread's own CPU time (the latter is not
 * distorted by other processes on a shared machine). Not a test: run by
 * {@code bench/policy-evaluation.sh}, which pins the JVM to one core.
 */
public final class EvaluationBenchmark {

    private static final String[] POLICIES = {"shuimogou-2017", "huiji-2017", "baokou", "jiangjin-2021", "tianjin-market-2017"};
    private static final String[] INDUSTRIES = {"铸造", "家具制造", "电镀", "干洗", "餐饮", "黏土砖", "木器加工"};

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        WorkingDayCalendar calendar = HolidayFiles.shipped();
        System.out.printf("machine: %d cores visible, %s %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.arch"));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        double totalSeconds = 0;
        double totalCpu = 0;
        for (String id : POLICIES) {
            CompiledPolicy policy = PolicyParser.parse(HolidayFiles.read("policies/" + id + ".yaml"));
            List<Input> inputs = inputs(policy, new Random(42));
            run(policy, inputs, calendar, 1.5); // warm-up
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long count = run(policy, inputs, calendar, seconds);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            total += count;
            totalSeconds += elapsed;
            totalCpu += cpu;
            System.out.printf("%-22s %,12.0f evaluations/s wall   %,12.0f evaluations/s CPU%n", id, count / elapsed, count / cpu);
        }
        System.out.printf("%-22s %,12.0f evaluations/s wall   %,12.0f evaluations/s CPU%n", "all policies", total / totalSeconds,
                total / totalCpu);
        CompiledPolicy sample = PolicyParser.parse(HolidayFiles.read("policies/shuimogou-2017.yaml"));
        System.out.println("sample explanation:\n" + sample.evaluate(Facts.of(Map.of("conformsToPlanning", false,
                "hasFireApproval", false, "emissionsOverStandard", false)), "inside-second-ring", LocalDate.parse("2017-10-09"),
                calendar).explanation());
    }

    private record Input(Facts facts, String zone, LocalDate notice) {
    }

    private static long run(CompiledPolicy policy, List<Input> inputs, WorkingDayCalendar calendar, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long count = 0;
        int sink = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1000; i++) {
                Input input = inputs.get((int) (count++ % inputs.size()));
                Classification result = policy.evaluate(input.facts(), input.zone(), input.notice(), calendar);
                sink += result.category().length() + result.explanation().length() + result.deadlines().size();
            }
        }
        if (sink == 42) {
            System.out.println();
        }
        return count;
    }

    private static List<Input> inputs(CompiledPolicy policy, Random random) {
        List<Input> inputs = new ArrayList<>();
        LocalDate first = LocalDate.parse("2017-01-01");
        for (int i = 0; i < 4096; i++) {
            Map<String, Object> facts = new HashMap<>();
            for (FactDefinition fact : policy.facts()) {
                if (random.nextInt(10) == 0) {
                    continue; // unknown
                }
                Object value = fact.type() == FactType.TEXT ? INDUSTRIES[random.nextInt(INDUSTRIES.length)] : random.nextBoolean();
                facts.put(fact.name(), value);
            }
            String zone = policy.zones().isEmpty() ? null : policy.zones().get(random.nextInt(policy.zones().size())).id();
            inputs.add(new Input(Facts.of(facts), zone, first.plusDays(random.nextInt(3650))));
        }
        return inputs;
    }
}
