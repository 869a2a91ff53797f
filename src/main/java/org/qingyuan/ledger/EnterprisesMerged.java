package org.qingyuan.ledger;

/** Two records turned out to be one enterprise: {@code mergedId} now lives on as {@code survivorId}. */
@org.springframework.modulith.NamedInterface("events")
public record EnterprisesMerged(long survivorId, long mergedId, String divisionCode) {
}
