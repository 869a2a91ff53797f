package org.qingyuan.ledger;

import java.util.List;

import org.qingyuan.shared.FieldError;

/**
 * The outcome of a registration or an edit.
 *
 * @param warnings accepted with a remark (e.g. an early-pilot credit code)
 * @param possibleDuplicates records that may be the same enterprise; the user merges or confirms they differ
 */
public record Registration(EnterpriseId id, int version, List<FieldError> warnings, List<PossibleDuplicate> possibleDuplicates) {
}
