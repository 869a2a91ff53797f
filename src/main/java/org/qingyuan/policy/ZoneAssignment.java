package org.qingyuan.policy;

/**
 * A division placed in a zone of a policy.
 *
 * @param division the division code
 * @param zone the zone id
 * @param assigned true when an administrator assigned it, false when it comes from the policy file
 * @param assignedBy who assigned it, or null for the policy file
 */
public record ZoneAssignment(String division, String zone, boolean assigned, String assignedBy) {
}
