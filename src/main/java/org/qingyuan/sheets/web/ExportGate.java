package org.qingyuan.sheets.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * At most {@code qingyuan.sheets.concurrent-exports} workbook exports run at once on a node (issue 22 §1: at province
 * scale a district's export takes seconds of a core and a pool connection, and a handful at once starved every
 * interactive request). By default half the node's cores, at least one: an export's three stages (the ledger's cursor,
 * the rectification look-ups, the cells) keep two cores busy, and on two cores two exports at once left the reads beside
 * them none (of the reads slower than 100 ms at 200 users, four in five were in flight beside an export). Further
 * exports wait their turn without a connection, up to
 * {@code qingyuan.sheets.export-wait} (default 30 s), then answer 503 problem+json with Retry-After.
 */
@Component
class ExportGate {

    static final String BUSY = "当前导出任务较多，请稍后重试（已排队等候仍未轮到）";

    private final Semaphore permits;
    private final long waitMillis;

    ExportGate(@Value("${qingyuan.sheets.concurrent-exports:0}") int concurrent,
               @Value("${qingyuan.sheets.export-wait:PT30S}") Duration wait) {
        this.permits = new Semaphore(permits(concurrent, Runtime.getRuntime().availableProcessors()), true);
        this.waitMillis = wait.toMillis();
    }

    /** The exports allowed at once: as configured, or (0 or less) half the cores, at least one. */
    static int permits(int configured, int cores) {
        return configured > 0 ? configured : Math.max(1, cores / 2);
    }

    interface Export {
        void run() throws java.io.IOException;
    }

    void run(Export export) throws java.io.IOException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            ErrorResponseException busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, BUSY), null);
            busy.getHeaders().set("Retry-After", "30");
            throw busy;
        }
        try {
            export.run();
        } finally {
            permits.release();
        }
    }
}
