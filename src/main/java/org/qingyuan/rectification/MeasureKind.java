package org.qingyuan.rectification;

import java.util.List;

/** The three families of disposal measures and what each needs before close-out by default. */
public enum MeasureKind {
    /** 关停取缔 / 限期拆除 / 取缔类: shut down and ban, by 两断三清. */
    SHUTDOWN("关停取缔", List.of(Requirement.CUT_WATER, Requirement.CUT_POWER, Requirement.CLEAR_MATERIALS,
            Requirement.CLEAR_PRODUCTS, Requirement.CLEAR_EQUIPMENT)),
    /** 搬迁 / 入园: production stopped, equipment removed, power supply cancelled (002 三(二)). */
    RELOCATE("搬迁改造", List.of(Requirement.PRODUCTION_STOPPED, Requirement.EQUIPMENT_REMOVED, Requirement.POWER_CANCELLED)),
    /** 整改提升 / 整治规范 / 补办手续: fix and legalise. */
    REMEDIATE("整改提升", List.of(Requirement.APPROVALS_OBTAINED));

    private final String label;
    private final List<Requirement> defaultRequirements;

    MeasureKind(String label, List<Requirement> defaultRequirements) {
        this.label = label;
        this.defaultRequirements = defaultRequirements;
    }

    public String label() {
        return label;
    }

    /** What the measure needs when its policy says nothing else. */
    public List<Requirement> defaultRequirements() {
        return defaultRequirements;
    }

    /** The progress wording of the official forms (001 附件1 注4) while work is under way. */
    public String progressLabel() {
        return switch (this) {
            case SHUTDOWN -> "正在拆除";
            case RELOCATE -> "搬迁中";
            case REMEDIATE -> "正在整治";
        };
    }
}
