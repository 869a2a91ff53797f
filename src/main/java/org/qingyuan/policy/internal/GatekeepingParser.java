package org.qingyuan.policy.internal;

import org.qingyuan.policy.GatekeepingBasis;

/**
 * Reads a plan's optional {@code gatekeeping:} — {@code {entryRedLine: …, noSupport: …, noNewProjects: …}}, each the
 * provision quoted with its document and section, at least one of them — refusing each bad field by name in Chinese;
 * without it the plan keeps {@link GatekeepingBasis#NONE}.
 */
final class GatekeepingParser {

    static final int MAX_LENGTH = 1000;

    private GatekeepingParser() {
    }

    static GatekeepingBasis read(YamlNode root) {
        if (!root.has("gatekeeping")) {
            return GatekeepingBasis.NONE;
        }
        YamlNode node = root.required("gatekeeping");
        if (!node.isMap()) {
            throw node.error("gatekeeping（准入把关依据）应为映射：{entryRedLine: …, noSupport: …, noNewProjects: …}");
        }
        node.allowOnly("entryRedLine", "noSupport", "noNewProjects");
        GatekeepingBasis basis = new GatekeepingBasis(provision(node, "entryRedLine", "准入红线"),
                provision(node, "noSupport", "不予审批、备案、扶持"), provision(node, "noNewProjects", "不予办理新建项目"));
        if (basis.equals(GatekeepingBasis.NONE)) {
            throw node.error("gatekeeping（准入把关依据）应至少给出 entryRedLine、noSupport、noNewProjects 中的一项");
        }
        return basis;
    }

    private static String provision(YamlNode node, String key, String what) {
        if (!node.has(key)) {
            return null;
        }
        YamlNode value = node.required(key);
        if (!value.isScalar() || value.isNull() || value.text().isBlank()) {
            throw value.error("gatekeeping." + key + "（" + what + "的依据）应为文字：文件名称、条款及原文");
        }
        String text = value.text();
        if (text.length() > MAX_LENGTH) {
            throw value.error("gatekeeping." + key + "（" + what + "的依据）不能超过 " + MAX_LENGTH + " 个字，实际为 " + text.length());
        }
        return text;
    }
}
