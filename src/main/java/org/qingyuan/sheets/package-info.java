/** The official Excel forms in and out: import jobs of the towns' ledgers with row-level reports, exports of the official forms. */
@org.springframework.modulith.ApplicationModule(displayName = "Sheets")
package org.qingyuan.sheets;
