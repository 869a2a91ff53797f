package org.qingyuan.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The draw of a round (issue 17 §1): reproducible from seed and list, at least the share per town, stratified. */
class DrawTests {

    static final BigDecimal SHARE = new BigDecimal("0.20");
    static final List<String> MEASURES = List.of("SHUTDOWN", "RELOCATE", "REMEDIATE");

    static Population population(long seed, int towns) {
        Random random = new Random(seed);
        List<PopulationEntry> entries = new ArrayList<>();
        long id = 1000;
        for (int t = 1; t <= towns; t++) {
            String town = "410108" + String.format("%03d", t);
            int size = 1 + random.nextInt(400);
            for (int i = 0; i < size; i++) {
                String measure = MEASURES.get(random.nextInt(3));
                String state = switch (random.nextInt(4)) {
                    case 0 -> Stratum.OPEN;
                    case 1 -> Stratum.NO_CASE;
                    default -> Stratum.CLOSED_OUT;
                };
                entries.add(new PopulationEntry(id += 1 + random.nextInt(3), town,
                        new Stratum(state.equals(Stratum.NO_CASE) ? "NONE" : measure, state)));
            }
        }
        return new Population(entries);
    }

    @Test
    void theSameSeedAndListDrawTheSameSampleInAnyOrderAndAnotherSeedAnother() {
        Population population = population(7, 12);
        Draw.Sample first = Draw.draw(population, "2026-Q4-第一轮-8e1f", SHARE);
        List<PopulationEntry> shuffled = new ArrayList<>(population.entries());
        Collections.shuffle(shuffled, new Random(3));
        Population again = new Population(shuffled);
        assertThat(again.digest()).isEqualTo(population.digest());
        assertThat(Draw.draw(again, "2026-Q4-第一轮-8e1f", SHARE)).isEqualTo(first);
        assertThat(Draw.draw(Population.parse(population.text()), "2026-Q4-第一轮-8e1f", SHARE)).isEqualTo(first);
        assertThat(Draw.draw(population, "another seed", SHARE).drawn()).isNotEqualTo(first.drawn());
        // the rank key is SM3 over "seed:id", so the draw can be checked outside the platform
        Draw.Drawn one = first.drawn().get(0);
        assertThat(one.key()).isEqualTo(org.qingyuan.shared.Sm3.hex("2026-Q4-第一轮-8e1f:" + one.enterpriseId()));
    }

    @Test
    void everyTownGetsAtLeastTheShareAndClosedOutSitesAtLeastTheirProportionalShare() {
        for (long seed = 1; seed <= 30; seed++) {
            Population population = population(seed, 15);
            Draw.Sample sample = Draw.draw(population, "seed-" + seed, SHARE);
            Map<String, Long> sizes = population.entries().stream()
                    .collect(Collectors.groupingBy(PopulationEntry::townCode, Collectors.counting()));
            sizes.forEach((town, size) -> assertThat(sample.ofTown(town).size()).as(town)
                    .isGreaterThanOrEqualTo((int) Math.ceil(0.2 * size)));
            for (Draw.Allocation a : sample.allocations()) {
                long townSize = sizes.get(a.townCode());
                int townSample = sample.ofTown(a.townCode()).size();
                assertThat(a.drawn()).isLessThanOrEqualTo(a.size());
                if (a.stratum().closedOut()) {
                    // at least n × N_h / N, and at least one of every closed-out stratum
                    assertThat((double) a.drawn()).isGreaterThanOrEqualTo(
                            Math.min(a.size(), Math.ceil((double) townSample * a.size() / townSize - 1e-9) - 1));
                    assertThat(a.drawn()).isGreaterThanOrEqualTo(1);
                    assertThat((double) a.drawn() / a.size()).isGreaterThanOrEqualTo(0.2 - 1e-9);
                }
            }
            assertThat(sample.allocations().stream().mapToInt(Draw.Allocation::drawn).sum()).isEqualTo(sample.drawn().size());
        }
    }

    @Test
    void aTinyTownStillGetsOneAndAStratumOfOneClosedOutSiteIsAlwaysInspected() {
        Population tiny = new Population(List.of(
                new PopulationEntry(1, "410108001", new Stratum("SHUTDOWN", Stratum.CLOSED_OUT)),
                new PopulationEntry(2, "410108001", new Stratum("NONE", Stratum.NO_CASE)),
                new PopulationEntry(3, "410108001", new Stratum("NONE", Stratum.NO_CASE)),
                new PopulationEntry(4, "410108001", new Stratum("NONE", Stratum.NO_CASE)),
                new PopulationEntry(5, "410108001", new Stratum("NONE", Stratum.NO_CASE)),
                new PopulationEntry(6, "410108001", new Stratum("NONE", Stratum.NO_CASE)),
                new PopulationEntry(7, "410108002", new Stratum("NONE", Stratum.NO_CASE))));
        Draw.Sample sample = Draw.draw(tiny, "x", SHARE);
        assertThat(sample.ofTown("410108001")).extracting(Draw.Drawn::enterpriseId).contains(1L);
        assertThat(sample.ofTown("410108002")).hasSize(1);
    }

    @Test
    void theListReadsBackFromItsTextAndABadLineIsNamed() {
        Population population = population(11, 2);
        assertThat(Population.parse(population.text())).isEqualTo(population);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Population.parse("1\t410108001\tSHUTDOWN/CLOSED_OUT\n2\t410108001\n"))
                .hasMessageContaining("第 2 行");
    }
}
