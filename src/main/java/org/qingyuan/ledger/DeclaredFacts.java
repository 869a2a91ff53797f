package org.qingyuan.ledger;

import java.util.List;
import java.util.Optional;

/** The facts beyond the eleven that the ledger records: those the plans of the deployment declare. */
public interface DeclaredFacts {

    /** The active plan's own facts, in its order (the form's fields, the template's columns); empty when none is active. */
    List<DeclaredFact> active();

    /**
     * A recordable fact of this name: declared by the active plan or by another registered one (so that facts recorded
     * under an earlier plan stay valid); empty for a name no plan declares.
     */
    Optional<DeclaredFact> find(String name);
}
