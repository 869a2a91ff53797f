package org.qingyuan.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.qingyuan.shared.Sm3;

/**
 * The reproducible, stratified draw of a supervision round. For each town with N enterprises, n = ⌈share × N⌉ are
 * drawn (at least one). The town's n is allocated to its strata in proportion to their size: a closed-out stratum gets
 * ⌈n × N_h / N⌉ (at least its proportional share, rounded up), the others ⌊n × N_h / N⌋, and what is left goes to the
 * other strata by largest remainder (ties by stratum key). Inside a stratum the enterprises are ranked by
 * {@code SM3(seed + ":" + enterpriseId)} (hex, ascending) and the first n_h taken, so the draw depends only on the seed
 * and the frozen list, can be re-run in any language, and does not change with the order of the list.
 */
public final class Draw {

    private Draw() {
    }

    /** One enterprise drawn, with the stratum it was drawn from and its rank key. */
    public record Drawn(long enterpriseId, String townCode, Stratum stratum, String key) {
    }

    /** How many of a town's stratum there were and how many were drawn. */
    public record Allocation(String townCode, Stratum stratum, int size, int drawn) {
    }

    /** The sample and the allocation it followed. */
    public record Sample(List<Drawn> drawn, List<Allocation> allocations) {

        /** The drawn enterprises of one town. */
        public List<Drawn> ofTown(String townCode) {
            return drawn.stream().filter(d -> d.townCode().equals(townCode)).toList();
        }
    }

    /** Draws from the population with the seed; {@code share} is a fraction, e.g. 0.20. */
    public static Sample draw(Population population, String seed, BigDecimal share) {
        if (seed == null || seed.isBlank()) {
            throw new IllegalArgumentException("a draw needs a seed");
        }
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the share must lie in (0, 1]: " + share);
        }
        Map<String, Map<Stratum, List<PopulationEntry>>> towns = new TreeMap<>();
        for (PopulationEntry e : population.entries()) {
            towns.computeIfAbsent(e.townCode(), t -> new TreeMap<>()).computeIfAbsent(e.stratum(), s -> new ArrayList<>()).add(e);
        }
        List<Drawn> drawn = new ArrayList<>();
        List<Allocation> allocations = new ArrayList<>();
        towns.forEach((town, strata) -> {
            Map<Stratum, Integer> sizes = new LinkedHashMap<>();
            strata.forEach((s, list) -> sizes.put(s, list.size()));
            Map<Stratum, Integer> counts = allocate(sizes, share);
            strata.forEach((stratum, list) -> {
                int n = counts.get(stratum);
                allocations.add(new Allocation(town, stratum, list.size(), n));
                list.stream().map(e -> new Drawn(e.enterpriseId(), town, stratum, key(seed, e.enterpriseId())))
                        .sorted(Comparator.comparing(Drawn::key).thenComparingLong(Drawn::enterpriseId))
                        .limit(n).forEach(drawn::add);
            });
        });
        drawn.sort(Comparator.comparing(Drawn::townCode).thenComparingLong(Drawn::enterpriseId));
        return new Sample(List.copyOf(drawn), List.copyOf(allocations));
    }

    /** The rank key of an enterprise under a seed. */
    public static String key(String seed, long enterpriseId) {
        return Sm3.hex(seed + ":" + enterpriseId);
    }

    /** The town's sample size over its strata (see the class comment). */
    static Map<Stratum, Integer> allocate(Map<Stratum, Integer> sizes, BigDecimal share) {
        int total = sizes.values().stream().mapToInt(Integer::intValue).sum();
        Map<Stratum, Integer> counts = new TreeMap<>();
        if (total == 0) {
            sizes.keySet().forEach(s -> counts.put(s, 0));
            return counts;
        }
        int n = Math.max(1, share.multiply(BigDecimal.valueOf(total)).setScale(0, RoundingMode.CEILING).intValueExact());
        int assigned = 0;
        Map<Stratum, BigDecimal> remainders = new TreeMap<>();
        for (var e : sizes.entrySet()) {
            // n × N_h / N exactly, as a fraction with the town's size as denominator
            BigDecimal exact = BigDecimal.valueOf((long) n * e.getValue()).divide(BigDecimal.valueOf(total), 12, RoundingMode.HALF_EVEN);
            int count = e.getKey().closedOut() ? exact.setScale(0, RoundingMode.CEILING).intValueExact()
                    : exact.setScale(0, RoundingMode.FLOOR).intValueExact();
            count = Math.min(count, e.getValue());
            counts.put(e.getKey(), count);
            assigned += count;
            if (!e.getKey().closedOut()) {
                remainders.put(e.getKey(), exact.subtract(BigDecimal.valueOf(count)));
            }
        }
        List<Stratum> order = new ArrayList<>(remainders.keySet());
        order.sort(Comparator.comparing((Stratum s) -> remainders.get(s)).reversed().thenComparing(Comparator.naturalOrder()));
        for (Stratum s : order) {
            if (assigned >= n) {
                break;
            }
            if (counts.get(s) < sizes.get(s)) {
                counts.put(s, counts.get(s) + 1);
                assigned++;
            }
        }
        // strata too small to take their share: fill from any stratum with room, largest first
        while (assigned < n) {
            Stratum roomiest = counts.keySet().stream().filter(s -> counts.get(s) < sizes.get(s))
                    .max(Comparator.comparingInt((Stratum s) -> sizes.get(s) - counts.get(s)).thenComparing(Comparator.reverseOrder()))
                    .orElseThrow();
            counts.put(roomiest, counts.get(roomiest) + 1);
            assigned++;
        }
        return counts;
    }
}
