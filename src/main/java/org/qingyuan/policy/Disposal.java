package org.qingyuan.policy;

import java.util.List;

/**
 * A category's measure for some zones, possibly only when a further condition over the tests holds.
 *
 * @param zones the zones it applies to; empty means every zone
 * @param condition the further condition in Chinese, or null
 * @param measure the measure
 */
public record Disposal(List<String> zones, String condition, Measure measure) {
}
