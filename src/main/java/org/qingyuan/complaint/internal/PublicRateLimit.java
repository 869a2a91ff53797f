package org.qingyuan.complaint.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Rate limits of public submissions, in memory per node (a sliding hour): per client IP address and per client (the
 * browser's cookie or an Open311 device_id). A limit reached answers 429 with the seconds to wait.
 */
@Component
public class PublicRateLimit {

    /** Thrown when a limit is reached: the controller answers 429 with Retry-After. */
    public static class LimitReached extends RuntimeException {
        private final long retryAfterSeconds;

        LimitReached(long retryAfterSeconds) {
            super("提交过于频繁，请 " + Math.max(1, retryAfterSeconds / 60) + " 分钟后再试");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();
    private final ComplaintProperties properties;
    private final Clock clock;

    PublicRateLimit(ComplaintProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts one submission of the address and the client, or refuses it when either has used up its hour. */
    public void acquire(String address, String client) {
        Instant now = clock.instant();
        String a = "ip:" + address;
        String c = client == null || client.isBlank() ? null : "client:" + client;
        synchronized (hits) {
            check(a, properties.perAddressPerHour(), now);
            if (c != null) {
                check(c, properties.perClientPerHour(), now);
            }
            hits.computeIfAbsent(a, k -> new ArrayDeque<>()).addLast(now);
            if (c != null) {
                hits.computeIfAbsent(c, k -> new ArrayDeque<>()).addLast(now);
            }
            if (hits.size() > 100_000) {
                hits.entrySet().removeIf(e -> e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(WINDOW)));
            }
        }
    }

    /**
     * Counts one challenge issued to the address (each is a database row): six times the submissions an address may make,
     * so that reloading the form is fine and a flood of challenges is not.
     */
    public void acquireChallenge(String address) {
        Instant now = clock.instant();
        String key = "challenge:" + address;
        synchronized (hits) {
            check(key, properties.perAddressPerHour() * 6, now);
            hits.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
        }
    }

    /** Forgets every count (tests). */
    public void reset() {
        hits.clear();
    }

    private void check(String key, int limit, Instant now) {
        Deque<Instant> q = hits.get(key);
        if (q == null) {
            return;
        }
        while (!q.isEmpty() && !q.peekFirst().isAfter(now.minus(WINDOW))) {
            q.pollFirst();
        }
        if (q.size() >= limit) {
            throw new LimitReached(Duration.between(now, q.peekFirst().plus(WINDOW)).toSeconds());
        }
    }
}
