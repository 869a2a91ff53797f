package org.qingyuan.ledger.internal;

import java.util.List;

import org.qingyuan.ledger.DeclaredFact;
import org.qingyuan.ledger.DeclaredFacts;
import org.qingyuan.ledger.internal.EnterpriseVersion;
import org.qingyuan.ledger.FieldChange;
import org.springframework.stereotype.Component;

/** The Chinese labels of the facts a plan declares, for the history (which stores their field names only). */
@Component
class HistoryLabels {

    private final DeclaredFacts declaredFacts;

    HistoryLabels(DeclaredFacts declaredFacts) {
        this.declaredFacts = declaredFacts;
    }

    /** The Chinese label of a fact a plan declares, or its name. */
    String factLabel(String name) {
        return declaredFacts.find(name).map(DeclaredFact::label).orElse(name);
    }

    /** The versions with the declared facts under their Chinese labels. */
    List<EnterpriseVersion> labelled(List<EnterpriseVersion> versions) {
        return versions.stream().map(v -> v.changes().stream().noneMatch(HistoryLabels::unlabelledFact) ? v
                : new EnterpriseVersion(v.enterpriseId(), v.version(), v.action(), v.at(), v.username(), v.displayName(), v.reason(),
                        v.changes().stream().map(c -> unlabelledFact(c)
                                ? new FieldChange(c.field(), factLabel(c.field().substring(6)), c.oldValue(), c.newValue()) : c)
                                .toList())).toList();
    }

    private static boolean unlabelledFact(FieldChange c) {
        return c.field().startsWith("facts.") && c.label().equals(c.field());
    }
}
