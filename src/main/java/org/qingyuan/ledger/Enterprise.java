package org.qingyuan.ledger;

import java.time.Instant;

/**
 * One enterprise of the ledger as stored: its details, whether it is still in the ledger and
 * its version (every change adds one; an edit must name the version it started from).
 *
 * @param creditCodeLegacy true when the credit code fails the GB 32100 check but was accepted as an early-pilot code
 * @param withdrawal why and when it left the ledger, or null while active
 * @param mergedInto the enterprise this one was merged into, or null
 */
public record Enterprise(EnterpriseId id, EnterpriseDetails details, boolean creditCodeLegacy, EnterpriseStatus status,
                         Withdrawal withdrawal, EnterpriseId mergedInto, int version, Instant createdAt, String createdBy,
                         Instant updatedAt, String updatedBy) {

    /**
     * @param reason the reason code
     * @param note what the user wrote
     */
    public record Withdrawal(WithdrawalReason reason, String note, Instant at, String by) {
    }

    public boolean active() {
        return status == EnterpriseStatus.ACTIVE;
    }
}
