package org.qingyuan.ledger;

import java.util.List;

/**
 * Finds records that may be the same enterprise: the same credit code anywhere; the same
 * normalised name in the same village; or a near-identical address in the same village.
 * Withdrawn records and pairs confirmed distinct are not reported. Used by registration,
 * editing and the import, and by any module that checks a name before approving (gatekeeping).
 */
public interface DuplicateDetector {

    /**
     * Candidates for each of the given details (index-aligned), among stored active records and
     * among the given rows themselves, found with one query for the whole list.
     *
     * @param self the stored record each row stands for (on edit), or null entries
     */
    List<List<PossibleDuplicate>> find(List<EnterpriseDetails> rows, List<EnterpriseId> self);

    default List<PossibleDuplicate> find(EnterpriseDetails details) {
        return find(List.of(details), java.util.Collections.singletonList(null)).get(0);
    }
}
