/**
 * Supervision (督查): rounds that draw a reproducible, stratified sample of each town's enterprises, open and covert
 * inspections (明察暗访), the tracking ledger of every problem found (督查跟踪台账, 001 附件2), the escalation ladder
 * (通报 → 约谈), and the estimate of how many of a town's close-outs hold up on inspection.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package org.qingyuan.supervision;
