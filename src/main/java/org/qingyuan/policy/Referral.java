package org.qingyuan.policy;

/**
 * A referral (移交) the plan demands, with its time limit, e.g. written notice to the competent
 * department within 5 working days (000 三).
 *
 * @param to the receiving body, e.g. 相关审批部门
 * @param condition when it is required, in Chinese
 * @param due its time limit from the notice (discovery) date
 */
public record Referral(String id, String label, String to, String condition, Due due, String source) {
}
