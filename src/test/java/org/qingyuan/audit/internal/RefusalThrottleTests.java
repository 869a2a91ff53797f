package org.qingyuan.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.qingyuan.support.MutableClock;

/** A flood of identical refusals writes one record per interval, which counts the ones it stood for. */
class RefusalThrottleTests {

    @Test
    void identicalRefusalsAreWrittenOncePerIntervalWithTheCountOfTheSuppressedOnes() {
        MutableClock clock = new MutableClock();
        RefusalThrottle throttle = new RefusalThrottle(clock, Duration.ofSeconds(60), 1000);
        assertThat(throttle.admit("a|1.2.3.4|GET /x|BEARER")).hasValue(0);
        for (int i = 0; i < 99; i++) {
            assertThat(throttle.admit("a|1.2.3.4|GET /x|BEARER")).isEmpty();
        }
        assertThat(throttle.admit("b|1.2.3.4|GET /x|BEARER")).hasValue(0);
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.admit("a|1.2.3.4|GET /x|BEARER")).hasValue(99);
        assertThat(throttle.admit("a|1.2.3.4|GET /x|BEARER")).isEmpty();
    }

    @Test
    void theMemoryIsBounded() {
        MutableClock clock = new MutableClock();
        RefusalThrottle throttle = new RefusalThrottle(clock, Duration.ofSeconds(60), 100);
        for (int i = 0; i < 10_000; i++) {
            throttle.admit("key" + i);
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(100);
    }
}
