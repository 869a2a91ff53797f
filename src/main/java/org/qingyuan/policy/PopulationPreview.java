package org.qingyuan.policy;

import java.util.List;
import java.util.Map;

/**
 * What would change over the enterprises of a jurisdiction if a policy version were active:
 * "these N enterprises would change category".
 *
 * @param currentPolicyId the active policy, or null
 * @param currentVersion its version, or null
 * @param total how many enterprises were compared
 * @param categoryChanges how many would change category
 * @param measureChanges how many would keep their category but change measure
 * @param transitions "from → to" category → how many, largest first
 * @param sample the first changes (at most {@code sampleLimit}), for a list
 */
public record PopulationPreview(String currentPolicyId, Integer currentVersion, String candidatePolicyId, int candidateVersion,
                                long total, long categoryChanges, long measureChanges, Map<String, Long> transitions,
                                List<PreviewReport.Change> sample) {
}
