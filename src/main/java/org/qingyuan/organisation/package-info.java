/**
 * The campaign's organisation: the leading group (领导小组) and its office (办公室) of the district, and the liaison
 * (联络员) of every unit that reports (each town or street, each department, the district office). The forms'
 * 联络员 / 联系电话 lines are filled from here. Every change is versioned and audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package org.qingyuan.organisation;
