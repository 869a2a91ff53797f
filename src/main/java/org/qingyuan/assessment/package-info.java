/**
 * Quarterly assessment and accountability (季度考核与问责, issue 17 §5; 004 六(二) 一季一检查、一季一排名、一季一通报; 001 五;
 * 002 六4): the plan's scheme scores the district's towns from indicator values that the owning modules contribute
 * through {@link org.qingyuan.assessment.AssessmentIndicator}; at the quarter's cut-off the inputs are frozen with
 * their SM3 digest so that anyone can recompute the ranking, which is published as a .docx bulletin to every unit; and
 * the district office keeps the accountability records (通报批评, 约谈, 问责, 表彰), each linked to its evidence.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package org.qingyuan.assessment;
