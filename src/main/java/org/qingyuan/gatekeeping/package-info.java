/**
 * Gatekeeping (禁入): approval bodies and utilities look an enterprise or a site up against the ledger and the entry red
 * line before they approve, register, subsidise or connect; red-line areas as data; landlords and their guarantees.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gatekeeping")
package org.qingyuan.gatekeeping;
