package org.qingyuan.policy;

import java.util.List;

/**
 * A list of industries a plan names, e.g. the key industries (004 二) or the 八小 (001 一(二)).
 *
 * @param items keywords; an industry matches when it contains one of them
 */
public record NamedList(String id, String label, List<String> items, String source) {
}
