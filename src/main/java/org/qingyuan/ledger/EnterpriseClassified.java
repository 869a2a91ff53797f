package org.qingyuan.ledger;

import org.qingyuan.policy.EffectiveClassification;

/**
 * The classification that applies to one enterprise changed: it was computed for the first time,
 * recomputed after a change of its facts, zone or notice date or of the active policy, or decided by
 * an official (一企一策). Carried by {@link EnterprisesClassified}.
 *
 * @param enterpriseId the enterprise
 * @param divisionCode where it lies (12 digits)
 * @param classification what applies now: the computed classification and the override, if any
 * @param previous what applied before, or null for the first classification
 * @param by who caused it: a user name, or {@code system} for background recomputation
 * @param reason why, in Chinese, e.g. 登记、事实变更、启用实施方案 shuimogou-2017 第2版、一企一策调整
 */
@org.springframework.modulith.NamedInterface("events")
public record EnterpriseClassified(long enterpriseId, String divisionCode, EffectiveClassification classification,
                                   EffectiveClassification previous, String by, String reason) {
}
