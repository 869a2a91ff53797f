/** Append-only audit trail with an SM3 hash chain, its verifier and daily anchors. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.qingyuan.audit;
