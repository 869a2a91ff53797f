package org.qingyuan.ledger;

/** The identity of an enterprise in the ledger. */
public record EnterpriseId(long value) {

    public static EnterpriseId of(long value) {
        return new EnterpriseId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
