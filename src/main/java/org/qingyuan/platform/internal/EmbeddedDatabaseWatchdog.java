package org.qingyuan.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks every few seconds whether the embedded PostgreSQL's postmaster still runs, and starts it again on the same data
 * and port if it died while the application runs. Meanwhile requests answer 503 (shell's DatabaseUnavailableFilter) and
 * the health is DOWN; the pool reconnects by itself once it is back. One per node: each node has its own cluster.
 */
class EmbeddedDatabaseWatchdog {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWatchdog.class);

    private final EmbeddedDatabaseServer server;

    EmbeddedDatabaseWatchdog(EmbeddedDatabaseServer server) {
        this.server = server;
    }

    @Scheduled(fixedDelayString = "${qingyuan.embedded.watchdog-interval:PT5S}",
            initialDelayString = "${qingyuan.embedded.watchdog-interval:PT5S}")
    void check() {
        try {
            if (server.restartIfDown()) {
                log.warn("Embedded PostgreSQL started again after it died; the platform carries on");
            }
        } catch (Exception e) {
            log.error("Embedded PostgreSQL could not be started again (next try in a few seconds): {}", e.getMessage());
        }
    }
}
