package org.qingyuan.ledger;

/** The broad groups the campaign documents list industries in (001 一, 004 二). */
public enum IndustryGroup {
    /** 金属冶炼与加工. */
    METALS("金属冶炼与加工"),
    /** 建材. */
    BUILDING_MATERIALS("建材"),
    /** 化工. */
    CHEMICALS("化工"),
    /** 轻工纺织. */
    LIGHT_INDUSTRY("轻工纺织"),
    /** 印刷家具（涉挥发性有机物）. */
    PRINTING_FURNITURE("印刷家具"),
    /** 生活服务. */
    SERVICES("生活服务"),
    /** 其他. */
    OTHER("其他");

    private final String label;

    IndustryGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
