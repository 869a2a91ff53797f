package org.qingyuan.rectification;

import org.qingyuan.policy.Clearance;

/** One item that must be done and evidenced before a case may close. */
public enum Requirement {
    /** 断水 — with the water utility's confirmation document. */
    CUT_WATER("断水", true),
    /** 断电 — with the power utility's confirmation document. */
    CUT_POWER("断电", true),
    /** 清除原料. */
    CLEAR_MATERIALS("清除原料", false),
    /** 清除产品. */
    CLEAR_PRODUCTS("清除产品", false),
    /** 清除设备 — with the list of removed equipment. */
    CLEAR_EQUIPMENT("清除设备", false),
    /** 停止生产. */
    PRODUCTION_STOPPED("停止生产", false),
    /** 清除厂区内生产设备. */
    EQUIPMENT_REMOVED("清除生产设备", false),
    /** 取消动力电供应 — with the power utility's confirmation document. */
    POWER_CANCELLED("取消动力电供应", true),
    /** 补办手续: the permits obtained, each with its name, number and date. */
    APPROVALS_OBTAINED("补办手续到位", false),
    /** 整改到位: what the inspection found is put right (整改完善 / 污染治理). */
    REMEDIATION_DONE("整改到位", false),
    /** 环保现场验收: stable compliance confirmed on site before production resumes. */
    ENVIRONMENTAL_ACCEPTANCE("环保现场验收", false);

    private final String label;
    private final boolean needsUtilityConfirmation;

    Requirement(String label, boolean needsUtilityConfirmation) {
        this.label = label;
        this.needsUtilityConfirmation = needsUtilityConfirmation;
    }

    public String label() {
        return label;
    }

    /** True when the utility's written confirmation must be among the evidence. */
    public boolean needsUtilityConfirmation() {
        return needsUtilityConfirmation;
    }

    /** True when the item names the permit obtained (which, number, date). */
    public boolean needsPermit() {
        return this == APPROVALS_OBTAINED;
    }

    /** The item of a 两断三清 clearance. */
    public static Requirement of(Clearance clearance) {
        return switch (clearance) {
            case CUT_WATER -> CUT_WATER;
            case CUT_POWER -> CUT_POWER;
            case CLEAR_MATERIALS -> CLEAR_MATERIALS;
            case CLEAR_PRODUCTS -> CLEAR_PRODUCTS;
            case CLEAR_EQUIPMENT -> CLEAR_EQUIPMENT;
        };
    }
}
