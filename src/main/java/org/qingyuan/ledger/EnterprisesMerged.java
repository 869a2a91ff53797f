package org.qingyuan.ledger;

/** Two records turned out to be one enterprise: {@code mergedId} now lives on as {@code survivorId}. */
public record EnterprisesMerged(long survivorId, long mergedId, String divisionCode) {
}
