package org.qingyuan.ledger;

/** Why two records may be the same enterprise. */
public enum DuplicateReason {
    /** 统一社会信用代码相同. */
    SAME_CREDIT_CODE("统一社会信用代码相同"),
    /** 同一村（社区）内名称相同（忽略全半角、空格、括号和“有限公司、厂、加工点、作坊”等后缀）. */
    SAME_NAME_IN_VILLAGE("同村（社区）名称相同"),
    /** 地址几乎相同. */
    NEAR_IDENTICAL_ADDRESS("地址几乎相同");

    private final String label;

    DuplicateReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
