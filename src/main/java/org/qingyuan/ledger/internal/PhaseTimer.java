package org.qingyuan.ledger.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/** TEMPORARY profiling aid. */
public final class PhaseTimer {
    static final Map<String, LongAdder> T = new ConcurrentSkipListMap<>();

    public static void add(String name, long start) {
        T.computeIfAbsent(name, x -> new LongAdder()).add(System.nanoTime() - start);
    }

    public static String dump() {
        StringBuilder b = new StringBuilder();
        T.forEach((k, v) -> b.append(k).append('=').append(v.sum() / 1_000_000).append("ms "));
        T.clear();
        return b.toString();
    }
}
