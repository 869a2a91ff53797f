package org.qingyuan.ledger;

import java.util.Set;

import org.qingyuan.shared.DivisionCode;

/**
 * An enterprise that may be the same as the one being registered or edited.
 *
 * @param id the existing record, or null for another row of the same batch
 * @param batchRow the other row of the same batch (zero-based), or -1
 */
public record PossibleDuplicate(EnterpriseId id, int batchRow, String name, DivisionCode division, String address,
                                Set<DuplicateReason> reasons) {
}
