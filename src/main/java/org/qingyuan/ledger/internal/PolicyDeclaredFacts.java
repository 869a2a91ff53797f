package org.qingyuan.ledger.internal;

import java.util.List;
import java.util.Optional;

import org.qingyuan.ledger.DeclaredFact;
import org.qingyuan.ledger.DeclaredFacts;
import org.qingyuan.ledger.Fact;
import org.qingyuan.policy.FactDefinition;
import org.qingyuan.policy.FactType;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.PolicySummary;
import org.qingyuan.policy.StandardFacts;
import org.springframework.stereotype.Component;

/** The plans' own yes/no facts (not the standard ones, which the ledger keeps as {@link Fact}), read from the policies. */
@Component
class PolicyDeclaredFacts implements DeclaredFacts {

    private final Policies policies;

    PolicyDeclaredFacts(Policies policies) {
        this.policies = policies;
    }

    @Override
    public List<DeclaredFact> active() {
        return policies.active().map(PolicyDeclaredFacts::declared).orElse(List.of());
    }

    @Override
    public Optional<DeclaredFact> find(String name) {
        if (name == null || Fact.byJsonName(name).isPresent()) {
            return Optional.empty();
        }
        Optional<DeclaredFact> inActive = active().stream().filter(f -> f.name().equals(name)).findFirst();
        if (inActive.isPresent()) {
            return inActive;
        }
        for (PolicySummary summary : policies.list()) {
            Optional<DeclaredFact> found = declared(policies.get(summary.id())).stream().filter(f -> f.name().equals(name))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static List<DeclaredFact> declared(Policy policy) {
        return policy.facts().stream().filter(PolicyDeclaredFacts::recordable)
                .map(f -> new DeclaredFact(f.name(), f.label(), f.question(), f.yes(), f.no())).toList();
    }

    private static boolean recordable(FactDefinition f) {
        return f.type() == FactType.BOOLEAN && StandardFacts.find(f.name()) == null && Fact.byJsonName(f.name()).isEmpty();
    }
}
