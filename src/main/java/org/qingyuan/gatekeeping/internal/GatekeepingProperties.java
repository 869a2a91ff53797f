package org.qingyuan.gatekeeping.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of gatekeeping ({@code qingyuan.gatekeeping.*}).
 *
 * @param ratePerSecond lookups per second each API token (or user) may make on one node, refilled continuously
 * @param burst how many lookups a token may make at once before the rate applies
 * @param radiusMetres a lookup by coordinates finds ledger sites within this distance of the point
 * @param readingThreshold a utility reading above this (kWh, m³ per period) at a shut-down site raises a rebound lead
 */
@ConfigurationProperties("qingyuan.gatekeeping")
public record GatekeepingProperties(@DefaultValue("50") double ratePerSecond,
                                    @DefaultValue("100") int burst,
                                    @DefaultValue("50") double radiusMetres,
                                    @DefaultValue("50") double readingThreshold) {
}
