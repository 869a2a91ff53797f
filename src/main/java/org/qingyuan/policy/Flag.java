package org.qingyuan.policy;

/**
 * A mark an enterprise carries when a condition holds, e.g. 重点行业.
 *
 * @param condition the condition in Chinese
 */
public record Flag(String id, String label, String condition, String source) {
}
