package org.qingyuan.ledger.internal;

import java.time.Instant;

import org.qingyuan.policy.ClassificationOverride;

/**
 * A 一企一策 decision as stored, with its withdrawal if it was withdrawn.
 *
 * @param clearedAt when it was withdrawn, or null while it applies (or was replaced)
 */
public record OverrideDecision(long id, ClassificationOverride override, Instant clearedAt, String clearedBy,
                               String clearedReason) {
}
