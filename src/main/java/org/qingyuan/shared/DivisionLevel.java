package org.qingyuan.shared;

/** The five levels of the statistical division codes (统计用区划代码). */
public enum DivisionLevel {
    /** 省级: 2 digits. */
    PROVINCE(2, "省"),
    /** 地级: 4 digits. */
    CITY(4, "市"),
    /** 县级 (GB/T 2260): 6 digits. */
    COUNTY(6, "区县"),
    /** 乡级 — town, street, area committee: 9 digits. */
    TOWN(9, "镇街"),
    /** 村级 — village or community committee: 12 digits. */
    VILLAGE(12, "村社区");

    private final int digits;
    private final String label;

    DivisionLevel(int digits, String label) {
        this.digits = digits;
        this.label = label;
    }

    public int digits() {
        return digits;
    }

    /** Short Chinese name of the level. */
    public String label() {
        return label;
    }

    /** The level whose codes have this many digits, or null. */
    public static DivisionLevel ofDigits(int digits) {
        for (DivisionLevel level : values()) {
            if (level.digits == digits) {
                return level;
            }
        }
        return null;
    }

    /** The level below this one, or null for a village. */
    public DivisionLevel below() {
        return this == VILLAGE ? null : values()[ordinal() + 1];
    }
}
