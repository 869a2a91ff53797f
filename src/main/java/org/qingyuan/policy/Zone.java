package org.qingyuan.policy;

import java.util.List;

/**
 * A zone whose measures differ, e.g. inside the second ring road.
 *
 * @param id e.g. {@code inside-second-ring}
 * @param label e.g. 二环路以内
 * @param divisions the division codes the policy file places in this zone by default
 * @param source the section of the document it encodes
 */
public record Zone(String id, String label, List<String> divisions, String source) {
}
