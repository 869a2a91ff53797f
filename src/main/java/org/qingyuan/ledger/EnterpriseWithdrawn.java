package org.qingyuan.ledger;

/** An enterprise left the ledger (it stays findable). */
public record EnterpriseWithdrawn(long enterpriseId, String divisionCode, WithdrawalReason reason) {
}
