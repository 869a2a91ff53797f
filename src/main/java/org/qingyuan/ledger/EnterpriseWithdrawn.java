package org.qingyuan.ledger;

/** An enterprise left the ledger (it stays findable). */
@org.springframework.modulith.NamedInterface("events")
public record EnterpriseWithdrawn(long enterpriseId, String divisionCode, WithdrawalReason reason) {
}
