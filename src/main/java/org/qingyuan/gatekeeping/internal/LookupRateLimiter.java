package org.qingyuan.gatekeeping.internal;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A token bucket per caller (API token or user id), in memory: the limit holds per node, so N nodes behind a load
 * balancer allow up to N times the rate. No outside service is needed; a restart refills every bucket.
 */
@Component
public class LookupRateLimiter {

    private final GatekeepingProperties properties;
    private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    LookupRateLimiter(GatekeepingProperties properties) {
        this.properties = properties;
    }

    /** Takes one lookup from the caller's bucket; false when it is empty (answer 429). */
    public boolean tryAcquire(long callerId) {
        return buckets.computeIfAbsent(callerId, id -> new Bucket(properties.burst())).take(properties.ratePerSecond(),
                properties.burst(), System.nanoTime());
    }

    /** Seconds until the caller's next lookup is allowed, at least 1 (the Retry-After header). */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / properties.ratePerSecond()));
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int burst) {
            this.tokens = burst;
            this.last = System.nanoTime();
        }

        synchronized boolean take(double rate, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
