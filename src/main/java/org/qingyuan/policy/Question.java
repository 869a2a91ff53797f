package org.qingyuan.policy;

/**
 * A fact to find out before the enterprise can be classified.
 *
 * @param fact the fact name, or {@code zone} for the enterprise's zone
 * @param question what to ask, in Chinese
 */
public record Question(String fact, String question) {
}
