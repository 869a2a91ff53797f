/** Each locality's plan (实施方案) as data: classification, disposal measures, deadlines, key-industry lists, the working-day calendar. */
@org.springframework.modulith.ApplicationModule(displayName = "Policies")
package org.qingyuan.policy;
