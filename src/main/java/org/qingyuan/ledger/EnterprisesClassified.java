package org.qingyuan.ledger;

import java.util.List;

/**
 * Classifications stored together, published inside the transaction that stores them so that a
 * listener (the rectification module opens and re-aligns cases) writes in the same transaction, in
 * batches: one enterprise after an edit, thousands after an import or a policy activation. Only
 * enterprises whose applicable classification actually changed are listed.
 */
@org.springframework.modulith.NamedInterface("events")
public record EnterprisesClassified(List<EnterpriseClassified> classifications) {

    public EnterprisesClassified {
        classifications = List.copyOf(classifications);
    }
}
