package org.qingyuan.audit.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail.
 *
 * @param refusalInterval identical refusals (same actor, address, route and kind) are written at most once per interval,
 *                        the next record counting the ones left out
 * @param refusalKeys how many distinct refusals are remembered for that at most (memory bound)
 * @param awaitReads true: an audited read (a gatekeeping lookup) is answered only once its record is committed; false
 *                   (default): once it is queued for the group appender, which commits it within one batch cycle
 */
@ConfigurationProperties("qingyuan.audit")
record AuditProperties(Duration refusalInterval, Integer refusalKeys, boolean awaitReads) {

    AuditProperties {
        refusalInterval = refusalInterval == null ? Duration.ofSeconds(60) : refusalInterval;
        refusalKeys = refusalKeys == null ? 10_000 : refusalKeys;
    }
}
