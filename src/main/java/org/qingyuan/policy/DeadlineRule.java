package org.qingyuan.policy;

/**
 * A deadline a measure sets.
 *
 * @param kind what it is for
 * @param label how the plan names it, e.g. 补办手续
 * @param due when it falls
 * @param source the section of the document it encodes
 */
public record DeadlineRule(DeadlineKind kind, String label, Due due, String source) {
}
