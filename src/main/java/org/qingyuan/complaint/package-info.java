/**
 * Complaints from the public (群众举报, 12369): intake from the public page, the hotline, Open311 clients and 12369
 * batches; the reporter protected (contact sealed with SM4, masked, unmasked only with a reason); handling by the district
 * office and the towns with working-day deadlines; rewards; public results, typical cases and the "producing again" notice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package org.qingyuan.complaint;
