package org.qingyuan.policy;

import java.time.Instant;

/**
 * The deployment now applies another policy or version. Classifications made before keep the
 * policy id and version they came from; listeners (the ledger) recompute current classifications.
 *
 * @param previousPolicyId the policy in force before, or null
 * @param previousVersion its version, or null
 */
@org.springframework.modulith.NamedInterface("events")
public record PolicyActivated(String policyId, int version, String previousPolicyId, Integer previousVersion,
                              String activatedBy, Instant activatedAt) {
}
