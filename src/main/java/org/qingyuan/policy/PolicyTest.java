package org.qingyuan.policy;

/**
 * A named test over the enterprise facts, e.g. 散 (does not conform to planning).
 *
 * @param id the name the categories use, e.g. 散
 * @param label what it checks, in Chinese
 * @param definition the document's definition
 * @param condition the condition over the facts, in Chinese
 * @param source the section of the document it encodes
 */
public record PolicyTest(String id, String label, String definition, String condition, String source) {
}
