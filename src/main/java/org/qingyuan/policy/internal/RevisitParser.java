package org.qingyuan.policy.internal;

import java.util.ArrayList;
import java.util.List;

import org.qingyuan.policy.RevisitSchedule;

/**
 * Reads a plan's optional {@code revisits:} — {@code {afterMonths: [1, 3, 6], remindDaysBefore: 7, source: 四(三)}} —
 * refusing each bad field by name in Chinese; without it the plan keeps {@link RevisitSchedule#DEFAULT}.
 */
final class RevisitParser {

    private RevisitParser() {
    }

    static RevisitSchedule read(YamlNode root) {
        if (!root.has("revisits")) {
            return RevisitSchedule.DEFAULT;
        }
        YamlNode node = root.required("revisits");
        if (!node.isMap()) {
            throw node.error("revisits（回头看）应为映射：{afterMonths: [1, 3, 6], remindDaysBefore: 7, source: …}");
        }
        node.allowOnly("afterMonths", "remindDaysBefore", "source");
        YamlNode months = node.required("afterMonths");
        if (!months.isList() || months.items().isEmpty() || months.items().size() > 12) {
            throw months.error("revisits.afterMonths（销号后第几个月回访）应为 1 到 12 个整数的列表，如 [1, 3, 6]");
        }
        List<Integer> after = new ArrayList<>();
        for (YamlNode m : months.items()) {
            int month = integer(m, "revisits.afterMonths 的每一项");
            if (month < 1 || month > 36) {
                throw m.error("revisits.afterMonths 的每一项应在 1 到 36 之间，实际为 " + month);
            }
            if (!after.isEmpty() && month <= after.get(after.size() - 1)) {
                throw m.error("revisits.afterMonths 应从小到大且不重复，" + month + " 不大于前一项 " + after.get(after.size() - 1));
            }
            after.add(month);
        }
        int remind = RevisitSchedule.DEFAULT.remindDaysBefore();
        if (node.has("remindDaysBefore")) {
            YamlNode r = node.required("remindDaysBefore");
            remind = integer(r, "revisits.remindDaysBefore（提前提醒的天数）");
            if (remind < 0 || remind > 30) {
                throw r.error("revisits.remindDaysBefore（提前提醒的天数）应在 0 到 30 之间，实际为 " + remind);
            }
        }
        YamlNode source = node.required("source");
        return new RevisitSchedule(after, remind, source.text());
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
