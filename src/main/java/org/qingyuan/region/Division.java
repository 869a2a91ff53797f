package org.qingyuan.region;

import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;

/**
 * One administrative division.
 *
 * @param code its statistical code
 * @param name its official name, e.g. 金河社区居民委员会
 * @param childCount how many divisions lie directly below it
 */
public record Division(DivisionCode code, String name, int childCount) {

    public DivisionLevel level() {
        return code.level();
    }

    /** The division directly above, or null for a province. */
    public DivisionCode parentCode() {
        return code.parent();
    }

    public boolean hasChildren() {
        return childCount > 0;
    }

    /** True for the placeholder rows 市辖区 / 县 that stand for no real city. */
    public boolean placeholder() {
        return level() == DivisionLevel.CITY && ("市辖区".equals(name) || "县".equals(name));
    }

    /** A committee's everyday name: 金河社区居民委员会 → 金河社区, 刘寨村村民委员会 → 刘寨村. */
    public static String shortName(String name) {
        // the committees' names as the statistics division codes spell them (村民委员会, 居民委员会) and as local lists do
        return name.replaceFirst("(村民委员会|村委会|村委)$", "村").replaceFirst("村村$", "村")
                .replaceFirst("(居民委员会|居委会|居委|委员会)$", "");
    }
}
