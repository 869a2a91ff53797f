package org.qingyuan.audit.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail.
 *
 * @param refusalInterval identical refusals (same actor, address, route and kind) are written at most once per interval,
 *                        the next record counting the ones left out
 * @param refusalKeys how many distinct refusals are remembered for that at most (memory bound)
 */
@ConfigurationProperties("qingyuan.audit")
record AuditProperties(Duration refusalInterval, Integer refusalKeys) {

    AuditProperties {
        refusalInterval = refusalInterval == null ? Duration.ofSeconds(60) : refusalInterval;
        refusalKeys = refusalKeys == null ? 10_000 : refusalKeys;
    }
}
