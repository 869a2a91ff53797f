package org.qingyuan.demo;

import org.qingyuan.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a module's demo runner builds its data set: in demo mode only, once per database (claimed by name under an
 * advisory lock, in the same transaction as the data), and never stopping the platform from starting — a failure is
 * logged and the transaction rolled back.
 */
@Component
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Deployment deployment;
    private final DemoSeeds seeds;
    private final TransactionTemplate tx;

    DemoData(Deployment deployment, DemoSeeds seeds, TransactionTemplate tx) {
        this.deployment = deployment;
        this.seeds = seeds;
        this.tx = tx;
    }

    /** Builds the named data set unless it was built before (or this is not a demo deployment). */
    public void once(String name, Runnable build) {
        if (!deployment.demo()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> {
                if (seeds.claim(name)) {
                    build.run();
                }
            });
        } catch (RuntimeException e) {
            // demo data must never stop the platform from starting
            log.error("演示数据: demo {} not created", name, e);
        }
    }
}
