package org.qingyuan.policy.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.qingyuan.policy.AssessmentScheme;

/**
 * Reads a plan's optional {@code assessment:} — {@code {cutOffDays: 15, indicators: [{code: COMPLETION_RATE, name: …,
 * weight: 30, direction: HIGHER_IS_BETTER, source: …}, …], source: …}} — refusing each bad field by name in Chinese
 * (weights must sum to 100); without it the plan keeps {@link AssessmentScheme#DEFAULT}.
 */
final class AssessmentParser {

    private AssessmentParser() {
    }

    static AssessmentScheme read(YamlNode root) {
        if (!root.has("assessment")) {
            return AssessmentScheme.DEFAULT;
        }
        YamlNode node = root.required("assessment");
        if (!node.isMap()) {
            throw node.error("assessment（季度考核）应为映射：{cutOffDays: 15, indicators: […], source: …}");
        }
        node.allowOnly("cutOffDays", "indicators", "source");
        int cutOff = AssessmentScheme.DEFAULT.cutOffDays();
        if (node.has("cutOffDays")) {
            YamlNode c = node.required("cutOffDays");
            cutOff = integer(c, "assessment.cutOffDays（季末后截止天数）");
            if (cutOff < 0 || cutOff > 90) {
                throw c.error("assessment.cutOffDays（季末后截止天数）应在 0 到 90 天之间，实际为 " + cutOff);
            }
        }
        YamlNode list = node.required("indicators");
        if (!list.isList() || list.items().isEmpty()) {
            throw list.error("assessment.indicators（考核指标）应为非空列表");
        }
        List<AssessmentScheme.Indicator> indicators = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int sum = 0;
        for (YamlNode item : list.items()) {
            if (!item.isMap()) {
                throw item.error("assessment.indicators 的每一项应为映射：{code: COMPLETION_RATE, name: …, weight: 30, direction: HIGHER_IS_BETTER}");
            }
            item.allowOnly("code", "name", "weight", "direction", "source");
            YamlNode c = item.required("code");
            String code = c.isScalar() ? c.text() : "";
            if (!AssessmentScheme.CODES.contains(code)) {
                throw c.error("assessment.indicators.code（指标代码）应为 " + String.join("、", AssessmentScheme.CODES)
                        + " 之一，实际为“" + code + "”");
            }
            if (!seen.add(code)) {
                throw c.error("assessment.indicators.code（指标代码）“" + code + "”重复");
            }
            YamlNode w = item.required("weight");
            int weight = integer(w, "assessment.indicators.weight（权重）");
            if (weight < 1 || weight > 100) {
                throw w.error("assessment.indicators.weight（权重）应在 1 到 100 之间，实际为 " + weight);
            }
            sum += weight;
            YamlNode d = item.required("direction");
            AssessmentScheme.Direction direction;
            try {
                direction = AssessmentScheme.Direction.valueOf(d.text());
            } catch (IllegalArgumentException e) {
                throw d.error("assessment.indicators.direction（方向）应为 HIGHER_IS_BETTER（越高越好）或 LOWER_IS_BETTER（越低越好），实际为“"
                        + d.text() + "”");
            }
            String name = item.required("name").text();
            if (name.isBlank()) {
                throw item.error("assessment.indicators.name（指标名称）不能为空");
            }
            String source = item.has("source") ? item.required("source").text() : "";
            indicators.add(new AssessmentScheme.Indicator(code, name, weight, direction, source));
        }
        if (sum != 100) {
            throw list.error("assessment.indicators.weight（权重）之和应为 100，实际为 " + sum);
        }
        return new AssessmentScheme(indicators, cutOff, node.required("source").text());
    }

    private static int integer(YamlNode node, String what) {
        String text = node.isScalar() ? node.text() : "";
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw node.error(what + "应为整数，实际为“" + text + "”");
        }
    }
}
