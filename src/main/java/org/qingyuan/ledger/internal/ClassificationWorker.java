package org.qingyuan.ledger.internal;

import org.qingyuan.policy.PolicyActivated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Classifies the enterprises marked stale: those registered by an import (the import only inserts,
 * see V22's trigger) and every active one after a policy activation. Runs once at startup (after the
 * demo data) and then every few seconds; each batch is one transaction of up to
 * {@code qingyuan.classification.batch-size} enterprises taken with {@code FOR UPDATE SKIP LOCKED}, so
 * several nodes share the work without waiting for each other.
 */
@Component
@Order(30)
class ClassificationWorker implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ClassificationWorker.class);

    private final ClassificationEngine classifications;
    private final int batchSize;

    ClassificationWorker(ClassificationEngine classifications,
                         @Value("${qingyuan.classification.batch-size:1000}") int batchSize) {
        this.classifications = classifications;
        this.batchSize = batchSize;
    }

    /**
     * Another policy or version is in force: mark every active enterprise for recomputation, in the
     * activation's transaction (both or neither). Earlier classifications stay as they are.
     */
    // same-transaction @EventListener: a policy must never be active while the ledger still counts as classified under the old one
    @EventListener
    void on(PolicyActivated activated) {
        int marked = classifications.markAllStale("启用实施方案 " + activated.policyId() + " 第" + activated.version() + "版");
        log.info("Policy {} v{} activated: {} enterprises to classify again", activated.policyId(), activated.version(), marked);
    }

    @Override
    public void run(ApplicationArguments args) {
        drain();
    }

    @Scheduled(fixedDelayString = "${qingyuan.classification.interval:PT5S}",
            initialDelayString = "${qingyuan.classification.interval:PT5S}")
    void scheduled() {
        drain();
    }

    /** Classifies batches until no stale enterprise is left (or another node holds the rest); answers how many. */
    public int drain() {
        int total = 0;
        long started = System.nanoTime();
        try {
            int taken;
            do {
                taken = classifications.classifyStale(batchSize);
                total += taken;
            } while (taken == batchSize);
        } catch (RuntimeException e) {
            log.error("Background classification failed after {} enterprises: {}", total, e.getMessage(), e);
        }
        if (total > 0) {
            log.info("Classified {} enterprises in {} ms", total, (System.nanoTime() - started) / 1_000_000);
        }
        return total;
    }
}
