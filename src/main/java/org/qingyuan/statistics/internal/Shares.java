package org.qingyuan.statistics.internal;

import java.util.HashMap;
import java.util.Map;

import org.qingyuan.statistics.Figure;
import org.qingyuan.statistics.TallyRow;

/**
 * Each enterprise's share of a tally: its group and the figures it counts in. Kept beside a district's (or a smaller
 * division's) tally, so that after a write only the enterprises the write touched are counted again (issue 22 §1).
 * A copy is changed, never the kept one: a recount that fails leaves the kept shares as they were.
 */
final class Shares {

    /** The figures after the total, in {@link TallyRow}'s order; bit i of {@link Share#figures} is figure i. */
    static final Figure[] FIGURES = {Figure.FOUND, Figure.TO_RECTIFY, Figure.CLOSED_OUT, Figure.CLOSED_OUT_IN_PERIOD,
            Figure.REOPENED, Figure.OVERDUE};

    /** One enterprise's group, its category's label (by category) and the figures it counts in. */
    record Share(String key, String categoryLabel, int figures) {
    }

    private final Map<Long, Share> byEnterprise;

    Shares(Map<Long, Share> byEnterprise) {
        this.byEnterprise = byEnterprise;
    }

    int size() {
        return byEnterprise.size();
    }

    /** A copy without the given enterprises, then with the recounted ones (those still counted). */
    Shares replacing(long[] touched, Map<Long, Share> recounted) {
        Map<Long, Share> next = new HashMap<>(byEnterprise);
        for (long id : touched) {
            next.remove(id);
        }
        next.putAll(recounted);
        return new Shares(next);
    }

    /** The rows the shares add up to, one per group, keyed by group; labels as the grouped statement gives them. */
    Map<String, TallyRow> rows() {
        Map<String, int[]> sums = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (Share s : byEnterprise.values()) {
            int[] sum = sums.computeIfAbsent(s.key(), k -> new int[FIGURES.length + 1]);
            sum[0]++;
            for (int i = 0; i < FIGURES.length; i++) {
                if ((s.figures() & (1 << i)) != 0) {
                    sum[i + 1]++;
                }
            }
            if (s.categoryLabel() != null) {
                labels.merge(s.key(), s.categoryLabel(), (a, b) -> a.compareTo(b) >= 0 ? a : b);   // max(), as in SQL
            }
        }
        Map<String, TallyRow> rows = new HashMap<>();
        sums.forEach((key, f) -> rows.put(key, new TallyRow(key, labels.get(key), f[0], f[1], f[2], f[3], f[4], f[5], f[6])));
        return rows;
    }
}
