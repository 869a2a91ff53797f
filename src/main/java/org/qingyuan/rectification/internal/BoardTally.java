package org.qingyuan.rectification.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.Board;
import org.qingyuan.rectification.CaseState;

/**
 * The counts of a battle board (挂图作战) by town, measure and state: how many cases, how many past their deadline, how
 * many closed out since Monday and since the first of the month. Counted from the cases, or, as a change, from the
 * rows {@code rectification_case_change} recorded since a snapshot (a case as it was with sign -1, as it is with +1):
 * a kept tally {@link #plus plus} the change is the tally counted now.
 */
final class BoardTally {

    /** One group's figures: cases, overdue, closed out since Monday, closed out since the first. */
    record Key(String town, MeasureKind measure, CaseState state) {
    }

    private final Map<Key, long[]> groups;

    private BoardTally(Map<Key, long[]> groups) {
        this.groups = groups;
    }

    static BoardTally empty() {
        return new BoardTally(new HashMap<>());
    }

    /** Adds a group's figures (a row of a count, or of a change since a snapshot). */
    void add(String town, MeasureKind measure, CaseState state, long cases, long overdue, long closedThisWeek, long closedThisMonth) {
        long[] g = groups.computeIfAbsent(new Key(town, measure, state), k -> new long[4]);
        g[0] += cases;
        g[1] += overdue;
        g[2] += closedThisWeek;
        g[3] += closedThisMonth;
    }

    /** This tally with a change added; this one stays as it is. */
    BoardTally plus(BoardTally change) {
        Map<Key, long[]> sum = new HashMap<>();
        groups.forEach((k, g) -> sum.put(k, g.clone()));
        change.groups.forEach((k, g) -> {
            long[] s = sum.computeIfAbsent(k, x -> new long[4]);
            for (int i = 0; i < 4; i++) {
                s[i] += g[i];
            }
        });
        sum.values().removeIf(g -> g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0);
        return new BoardTally(sum);
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The board of these counts with its two lists; towns listed (by the name {@code townName} gives) for a district's. */
    Board board(String prefix, List<org.qingyuan.rectification.CaseSummary> overdue, List<org.qingyuan.rectification.CaseSummary> dueSoon,
                UnaryOperator<String> townName) {
        Map<MeasureKind, Map<CaseState, Long>> counts = new EnumMap<>(MeasureKind.class);
        long total = 0;
        long week = 0;
        long month = 0;
        Map<String, long[]> byTown = new TreeMap<>();   // open, overdue, closed out
        for (Map.Entry<Key, long[]> e : groups.entrySet()) {
            Key k = e.getKey();
            long[] g = e.getValue();
            if (g[0] == 0) {
                continue;
            }
            counts.computeIfAbsent(k.measure(), m -> new EnumMap<>(CaseState.class)).merge(k.state(), g[0], Long::sum);
            total += g[0];
            long[] town = byTown.computeIfAbsent(k.town(), t -> new long[3]);
            if (k.state().open()) {
                town[0] += g[0];
                town[1] += g[1];
            }
            if (k.state() == CaseState.CLOSED_OUT) {
                town[2] += g[0];
                week += g[2];
                month += g[3];
            }
        }
        List<Board.TownRow> towns = new ArrayList<>();
        if (prefix.length() <= 6) {
            byTown.forEach((town, n) -> towns.add(new Board.TownRow(town, townName.apply(town), n[0], n[1], n[2])));
        }
        return new Board(prefix, counts, overdue, dueSoon, week, month, towns, total);
    }
}
