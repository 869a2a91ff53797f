package org.qingyuan.ledger.internal;

import java.util.HashMap;
import java.util.Map;

import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.internal.JdbcClassifications.Input;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.StandardFacts;

/** The ledger's facts of an enterprise translated for a policy: the names and values its rules test. */
final class LedgerFacts {

    private LedgerFacts() {
    }

    /**
     * The ledger's facts under the policy's names: every answered fact of the eleven, the answered facts the policy
     * declares, and the industry's Chinese name as text. Declared facts the policy does not know (recorded under
     * another plan) are left out.
     */
    static Facts forPolicy(Input input, Policy policy) {
        org.qingyuan.ledger.Facts facts = FactsJson.read(input.factsJson());
        Facts all = forPolicy(facts, input.industry());
        if (facts.declared().isEmpty()) {
            return all;
        }
        Map<String, Object> known = new HashMap<>(all.asMap());
        known.keySet().removeIf(name -> policy.fact(name).isEmpty());
        return Facts.of(known);
    }

    /** Every answered fact, declared ones included, and the industry: the policy module leaves out what a plan does not know. */
    static Facts forPolicy(org.qingyuan.ledger.Facts facts, Industry industry) {
        Map<String, Object> values = new HashMap<>();
        for (Fact fact : Fact.values()) {
            Boolean value = facts.value(fact);
            if (value != null) {
                values.put(fact.jsonName(), value);
            }
        }
        facts.declared().forEach((name, value) -> values.put(name, value.value()));
        if (industry != null) {
            // 其他 too: known to be none of the named industries, so list tests are false rather than unknown
            values.put(StandardFacts.INDUSTRY, industry.label());
        }
        return Facts.of(values);
    }
}
