package org.qingyuan.ledger.internal;

import org.qingyuan.ledger.EnterpriseDetails;

/** What is written to the {@code enterprise} row besides the details: the comparison keys and the credit-code remark. */
record StoredEnterprise(long id, EnterpriseDetails details, boolean creditCodeLegacy, String nameKey, String addressKey) {
}
