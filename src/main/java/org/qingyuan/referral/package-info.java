/**
 * Referrals (部门联动): the departments' duties as the district keeps them, each department's work queue, referrals
 * (移交) to the competent department with deadlines in working days, and joint enforcement operations (联合执法行动)
 * whose parts feed the rectification cases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referrals")
package org.qingyuan.referral;
