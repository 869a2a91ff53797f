package org.qingyuan.policy;

/** The five items of a shutdown by 两断三清 (002 三(一)): each is evidenced before close-out. */
public enum Clearance {
    /** 断水. */
    CUT_WATER("断水"),
    /** 断电. */
    CUT_POWER("断电"),
    /** 清除原料. */
    CLEAR_MATERIALS("清除原料"),
    /** 清除产品. */
    CLEAR_PRODUCTS("清除产品"),
    /** 清除设备. */
    CLEAR_EQUIPMENT("清除设备");

    private final String label;

    Clearance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
