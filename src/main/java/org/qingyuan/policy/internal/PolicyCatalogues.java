package org.qingyuan.policy.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.qingyuan.policy.Policy;
import org.qingyuan.policy.internal.PolicyStore.Activation;
import org.qingyuan.policy.internal.PolicyStore.StoredVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The policies in memory, compiled once per content hash: reloaded after every change on this node, and re-checked
 * against the store's stamp at most every 5 s, so a registration, activation or zone assignment on another node is
 * seen within seconds.
 */
@Component
class PolicyCatalogues {

    private static final Logger log = LoggerFactory.getLogger(PolicyCatalogues.class);
    private static final long RECHECK_NANOS = 5_000_000_000L;

    private final PolicyStore store;
    private final Map<String, CompiledPolicy> compiledByHash = new HashMap<>();
    private volatile PolicyCatalogue catalogue;

    PolicyCatalogues(PolicyStore store) {
        this.store = store;
    }

    synchronized PolicyCatalogue reload() {
        String stamp = store.stamp();
        Map<String, NavigableMap<Integer, CompiledPolicy>> policies = new TreeMap<>();
        for (StoredVersion stored : store.versions()) {
            try {
                CompiledPolicy policy = compiledByHash.computeIfAbsent(stored.contentHash(), h -> PolicyParser.parse(stored.content()));
                policies.computeIfAbsent(stored.policyId(), id -> new TreeMap<>()).put(stored.version(), policy);
            } catch (RuntimeException e) {
                log.error("Policy {} version {} cannot be read and is not used: {}", stored.policyId(), stored.version(), e.getMessage());
            }
        }
        Activation activation = store.currentActivation().orElse(null);
        catalogue = new PolicyCatalogue(policies, activation, store.assignments(), stamp, System.nanoTime());
        return catalogue;
    }

    PolicyCatalogue current() {
        PolicyCatalogue current = catalogue;
        if (current != null && System.nanoTime() - current.checkedAt() < RECHECK_NANOS) {
            return current;
        }
        synchronized (this) {
            current = catalogue;
            if (current != null && store.stamp().equals(current.stamp())) {
                catalogue = current.checkedNow();
                return catalogue;
            }
            return reload();
        }
    }
}
