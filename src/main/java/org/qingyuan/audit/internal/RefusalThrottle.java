package org.qingyuan.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a flood of identical refusals (same actor, address, route and kind) from filling the trail: the first of
 * them is written, the rest are counted until the interval has passed, and the next one written carries that count.
 * Per node and in memory; bounded, so a flood of distinct keys cannot exhaust the heap either.
 */
final class RefusalThrottle {

    private final Clock clock;
    private final Duration interval;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RefusalThrottle(Clock clock, Duration interval, int maxKeys) {
        this.clock = clock;
        this.interval = interval;
        this.maxKeys = maxKeys;
    }

    /** The number of identical refusals left out since the last record when this one is to be written; empty to leave it out. */
    OptionalLong admit(String key) {
        Instant now = Instant.now(clock);
        long[] admitted = {-1};
        windows.compute(key, (k, window) -> {
            if (window == null || !now.isBefore(window.start.plus(interval))) {
                admitted[0] = window == null ? 0 : window.suppressed;
                return new Window(now, 0);
            }
            return new Window(window.start, window.suppressed + 1);
        });
        if (windows.size() > maxKeys) {
            evict(now);
        }
        return admitted[0] < 0 ? OptionalLong.empty() : OptionalLong.of(admitted[0]);
    }

    int size() {
        return windows.size();
    }

    private void evict(Instant now) {
        windows.values().removeIf(w -> !now.isBefore(w.start.plus(interval)));
        Iterator<String> keys = windows.keySet().iterator();
        while (windows.size() > maxKeys && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private record Window(Instant start, long suppressed) {
    }
}
