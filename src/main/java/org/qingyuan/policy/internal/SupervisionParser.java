package org.qingyuan.policy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.policy.SupervisionRules;

/**
 * Reads a plan's optional {@code supervision:} — {@code {share: 0.2, rectifyWorkingDays: 15, ladder: [{kind: NOTICE,
 * action: …, deadlineWorkingDays: 10}, …], source: …}} — refusing each bad field by name in Chinese; without it the
 * plan keeps {@link SupervisionRules#DEFAULT}.
 */
final class SupervisionParser {

    private SupervisionParser() {
    }

    static SupervisionRules read(YamlNode root) {
        if (!root.has("supervision")) {
            return SupervisionRules.DEFAULT;
        }
        YamlNode node = root.required("supervision");
        if (!node.isMap()) {
            throw node.error("supervision（督查）应为映射：{share: 0.2, rectifyWorkingDays: 15, ladder: […], source: …}");
        }
        node.allowOnly("share", "rectifyWorkingDays", "ladder", "source");
        YamlNode s = node.required("share");
        BigDecimal share;
        try {
            share = new BigDecimal(s.isScalar() ? s.text() : "");
        } catch (NumberFormatException e) {
            throw s.error("supervision.share（抽查比例）应为 0 到 1 之间的小数，如 0.2");
        }
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw s.error("supervision.share（抽查比例）应大于 0 且不超过 1，实际为 " + share.toPlainString());
        }
        int days = SupervisionRules.DEFAULT.rectifyWorkingDays();
        if (node.has("rectifyWorkingDays")) {
            days = days(node.required("rectifyWorkingDays"), "supervision.rectifyWorkingDays（移交整改期限）");
        }
        List<SupervisionRules.Step> ladder = new ArrayList<>();
        if (node.has("ladder")) {
            YamlNode steps = node.required("ladder");
            if (!steps.isList() || steps.items().isEmpty() || steps.items().size() > 6) {
                throw steps.error("supervision.ladder（逐级督办）应为 1 到 6 级的列表");
            }
            for (YamlNode step : steps.items()) {
                if (!step.isMap()) {
                    throw step.error("supervision.ladder 的每一级应为映射：{kind: NOTICE, action: …, deadlineWorkingDays: 10}");
                }
                step.allowOnly("kind", "action", "deadlineWorkingDays");
                YamlNode k = step.required("kind");
                SupervisionRules.StepKind kind;
                try {
                    kind = SupervisionRules.StepKind.valueOf(k.text());
                } catch (IllegalArgumentException e) {
                    throw k.error("supervision.ladder.kind 应为 NOTICE（通报）或 SUMMONS（约谈），实际为“" + k.text() + "”");
                }
                ladder.add(new SupervisionRules.Step(kind, step.required("action").text(),
                        days(step.required("deadlineWorkingDays"), "supervision.ladder.deadlineWorkingDays（期限）")));
            }
        } else {
            ladder.addAll(SupervisionRules.DEFAULT.ladder());
        }
        return new SupervisionRules(share, days, ladder, node.required("source").text());
    }

    private static int days(YamlNode node, String what) {
        String text = node.isScalar() ? node.text() : "";
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw node.error(what + "应为整数（工作日），实际为“" + text + "”");
        }
        if (value < 1 || value > 120) {
            throw node.error(what + "应在 1 到 120 个工作日之间，实际为 " + value);
        }
        return value;
    }
}
