/**
 * Utilities and licences: orders to the water, power and gas utilities to cut, limit or restore an enterprise's supply,
 * confirmed by the utility with a document that completes the case's 断水 / 断电 item (D4), and market regulation's
 * licence changes, deregistrations and revocations, shown on the ledger (D6).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Utilities and licences")
package org.qingyuan.utility;
