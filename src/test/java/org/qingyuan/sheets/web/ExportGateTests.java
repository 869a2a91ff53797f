package org.qingyuan.sheets.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** The export gate: at most N exports at once; the next waits, then answers 503 with Retry-After and a Chinese detail. */
class ExportGateTests {

    @Test
    void byDefaultHalfTheCoresAtLeastOne() {
        org.assertj.core.api.Assertions.assertThat(ExportGate.permits(0, 2)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(ExportGate.permits(0, 1)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(ExportGate.permits(0, 8)).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(ExportGate.permits(3, 2)).as("as configured").isEqualTo(3);
    }

    @Test
    void aThirdExportWaitsThenIsRefusedWhileTwoRun() throws Exception {
        ExportGate gate = new ExportGate(2, Duration.ofMillis(200));
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            new Thread(() -> {
                try {
                    gate.run(() -> {
                        running.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        finished.incrementAndGet();
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
        }
        running.await();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> gate.run(() -> finished.addAndGet(100)))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(503);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("30");
                    assertThat(e.getBody().getDetail()).contains("导出任务较多");
                });
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(150);
        release.countDown();
        while (finished.get() < 2) {
            Thread.sleep(10);
        }
        gate.run(() -> finished.addAndGet(100));
        assertThat(finished).hasValue(102);
    }

}
