package org.qingyuan.policy.internal;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

import org.qingyuan.policy.internal.PolicyStore.Activation;

/**
 * The policies in memory at one moment: every stored version compiled, the activation, and the
 * administrators' zone assignments. Immutable; replaced when the tables change.
 *
 * @param policies policy id → version → compiled policy
 * @param activation the current activation, or null
 * @param assignments policy id → division code → {zone, assigned by}
 * @param stamp {@link PolicyStore#stamp()} when loaded
 * @param checkedAt {@link System#nanoTime()} of the last check against the database
 */
record PolicyCatalogue(Map<String, NavigableMap<Integer, CompiledPolicy>> policies, Activation activation,
                       Map<String, Map<String, String[]>> assignments, String stamp, long checkedAt) {

    Optional<CompiledPolicy> find(String id, int version) {
        NavigableMap<Integer, CompiledPolicy> versions = policies.get(id);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    Optional<CompiledPolicy> latest(String id) {
        NavigableMap<Integer, CompiledPolicy> versions = policies.get(id);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    Optional<CompiledPolicy> active() {
        return activation == null ? Optional.empty() : find(activation.policyId(), activation.version());
    }

    List<Integer> versions(String id) {
        return List.copyOf(policies.getOrDefault(id, java.util.Collections.emptyNavigableMap()).keySet());
    }

    Map<String, String[]> assignmentsOf(String policyId) {
        return assignments.getOrDefault(policyId, Map.of());
    }

    PolicyCatalogue checkedNow() {
        return new PolicyCatalogue(policies, activation, assignments, stamp, System.nanoTime());
    }
}
