package org.qingyuan.policy;

import java.util.List;

/**
 * What would change if a policy version were active: "these N enterprises would change category".
 *
 * @param currentPolicyId the active policy, or null when none is active
 * @param currentVersion its version, or null
 * @param candidatePolicyId the policy previewed
 * @param candidateVersion its version
 * @param total how many enterprises were compared
 * @param changes those whose category or measure would change
 */
public record PreviewReport(String currentPolicyId, Integer currentVersion, String candidatePolicyId, int candidateVersion,
                            int total, List<Change> changes) {

    /** How many would change category. */
    public long categoryChanges() {
        return changes.stream().filter(Change::categoryChanged).count();
    }

    /**
     * One enterprise that would be classified differently.
     *
     * @param fromCategory its category now (null when no policy is active)
     * @param toCategory its category under the candidate
     * @param fromMeasure the label of its measure now, or null
     * @param toMeasure the label of its measure under the candidate, or null
     */
    public record Change(String key, String fromCategory, String toCategory, String fromMeasure, String toMeasure) {

        public boolean categoryChanged() {
            return fromCategory == null || !fromCategory.equals(toCategory);
        }
    }
}
