package org.qingyuan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The keeping shared by the list totals, the battle boards and the home page figures, without a database: an answer is
 * counted once, then brought up to date against its snapshot; counted whole again when it cannot be brought up to date
 * or its keep has passed; not kept when read inside a writing transaction; bounded in number and weight.
 */
class KeptAnswersTests {

    static final long MINUTE = 60_000_000_000L;

    final AtomicInteger counts = new AtomicInteger();

    KeptAnswers.Read<String> count(boolean writing) {
        return KeptAnswers.Read.of("s" + counts.incrementAndGet(), writing, "counted " + counts.get());
    }

    @Test
    void countedOnceThenAdjustedAgainstTheKeptSnapshot() {
        KeptAnswers<String> kept = new KeptAnswers<>("map_change", MINUTE, 10);
        assertThat(kept.answer("q", k -> null, () -> count(false))).isEqualTo("counted 1");
        assertThat(kept.answer("q", k -> KeptAnswers.Read.unchanged(k.snapshot() + "'", false, k.answer()), () -> count(false)))
                .as("nothing changed").isEqualTo("counted 1");
        assertThat(kept.kept("q").snapshot()).as("standing at the newer snapshot").isEqualTo("s1'");
        assertThat(kept.answer("q", k -> KeptAnswers.Read.of("s9", false, k.answer() + " + change"), () -> count(false)))
                .isEqualTo("counted 1 + change");
        assertThat(kept.kept("q").answer()).isEqualTo("counted 1 + change");
        assertThat(kept.answer("q", k -> null, () -> count(false))).as("a change that cannot be added").isEqualTo("counted 2");
        assertThat(kept.counts()).isEqualTo(2);
        assertThat(kept.adjustments()).isEqualTo(1);
        assertThat(kept.summary()).startsWith("2 counted whole, 1 adjusted by a change, 1 unchanged; 1 kept now");
    }

    @Test
    void readInsideAWritingTransactionIsAnsweredButNotKept() {
        KeptAnswers<String> kept = new KeptAnswers<>("map_change", MINUTE, 10);
        assertThat(kept.answer("q", k -> null, () -> count(true))).isEqualTo("counted 1");
        assertThat(kept.kept("q")).isNull();
        kept.answer("q", k -> null, () -> count(false));
        assertThat(kept.answer("q", k -> KeptAnswers.Read.of("w", true, "its own write"), () -> count(false)))
                .isEqualTo("its own write");
        assertThat(kept.kept("q").answer()).as("the one before").isEqualTo("counted 2");
    }

    @Test
    void countedWholeAgainAfterTheKeep() throws InterruptedException {
        KeptAnswers<String> kept = new KeptAnswers<>("map_change", 50_000_000L, 10);
        kept.answer("q", k -> null, () -> count(false));
        kept.answer("q", k -> KeptAnswers.Read.of("s", false, "adjusted"), () -> count(false));
        Thread.sleep(60);
        assertThat(kept.kept("q")).as("an adjustment does not renew the keep").isNull();
        assertThat(kept.answer("q", k -> KeptAnswers.Read.of("s", false, "adjusted"), () -> count(false))).isEqualTo("counted 2");
    }

    @Test
    void boundedInNumberAndWeightTheLeastRecentlyAskedDroppedFirst() {
        KeptAnswers<long[]> kept = new KeptAnswers<>("enterprise_change", MINUTE, 3, ids -> ids.length, 10);
        long now = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            kept.keep("q" + i, new KeptAnswers.Kept<>("s", new long[] {i}, now));
        }
        assertThat(kept.kept("q0")).isNotNull();   // asked: now the most recent
        kept.keep("q3", new KeptAnswers.Kept<>("s", new long[] {3}, now));
        assertThat(kept.kept("q1")).as("the least recently asked").isNull();
        assertThat(kept.kept("q0")).isNotNull();
        kept.keep("heavy", new KeptAnswers.Kept<>("s", new long[10], now));
        assertThat(kept.kept("heavy")).isNotNull();
        assertThat(kept.kept("q0")).as("dropped for the weight").isNull();
        kept.keep("too heavy", new KeptAnswers.Kept<>("s", new long[11], now));
        assertThat(kept.kept("too heavy")).as("heavier than the bound alone").isNull();
        assertThat(kept.kept("heavy")).isNotNull();
        kept.forget();
        assertThat(kept.kept("heavy")).isNull();
    }
}
