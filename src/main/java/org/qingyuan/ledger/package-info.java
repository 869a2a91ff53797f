/** The enterprise ledger (台账): every workshop found, its facts, duplicates, withdrawals and full change history. */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package org.qingyuan.ledger;
