package org.qingyuan.statistics;

import java.util.Locale;

import org.qingyuan.shared.InvalidInputException;

/** What the statistics group the enterprises by ({@code by=} in the API). */
public enum Dimension {
    /** 镇（街道）: the key is the town's 9-digit division code. */
    TOWN("镇（街道）"),
    /** 村（社区）: the key is the village's 12-digit division code. */
    VILLAGE("村（社区）"),
    /** 企业类型: 小散乱污 or 八小. */
    TYPE("企业类型"),
    /** 类别: the plan's category (散, 乱, 污, 散乱污 …). */
    CATEGORY("类别"),
    /** 处置措施: 关停取缔, 搬迁入园, 整治规范, 严格监管. */
    MEASURE("处置措施"),
    /** 整治状态: the case's state (已登记, 整治中, 待验收, 已销号 …). */
    STATE("整治状态");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The parameter value: {@code town}, {@code village}, {@code type}, {@code category}, {@code measure}, {@code state}. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The dimension a {@code by=} parameter names (default: town); a Chinese 400 naming {@code by} otherwise. */
    public static Dimension of(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return TOWN;
        }
        for (Dimension d : values()) {
            if (d.parameter().equals(parameter.strip().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new InvalidInputException("by", "统计维度（by）应为 town、village、type、category、measure 或 state");
    }
}
