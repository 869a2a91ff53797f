package org.qingyuan.policy.internal;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.qingyuan.policy.HolidayRule;
import org.qingyuan.policy.ReportDuty;
import org.qingyuan.policy.ReportFrequency;
import org.qingyuan.policy.ReportPart;
import org.qingyuan.policy.ReportSchedule;
import org.qingyuan.policy.Submitter;

/** Reads a plan's {@code reports:} (its report calendar, docs/policies.md "Reports"); each error names the field. */
final class ReportParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    private ReportParser() {
    }

    static List<ReportDuty> read(YamlNode root) {
        List<ReportDuty> reports = new ArrayList<>();
        if (!root.has("reports") || root.get("reports").isNull()) {
            return reports;
        }
        List<String> ids = new ArrayList<>();
        for (YamlNode node : root.required("reports").items()) {
            node.allowOnly("id", "title", "parts", "form", "submitters", "to", "schedule", "holidays", "remindDaysBefore", "source");
            YamlNode idNode = node.required("id");
            String id = idNode.text();
            if (!ID.matcher(id).matches()) {
                throw idNode.error("报送事项 id 只能由小写字母、数字和连字符组成，实际为“" + id + "”");
            }
            if (ids.contains(id)) {
                throw idNode.error("报送事项“" + id + "”重复");
            }
            ids.add(id);
            List<ReportPart> parts = new ArrayList<>();
            for (YamlNode p : node.required("parts").items()) {
                parts.add(value(ReportPart.class, p, "报送内容（parts）"));
            }
            if (parts.isEmpty()) {
                throw node.required("parts").error("报送内容（parts）不能为空");
            }
            String form = node.optionalText("form");
            if (parts.contains(ReportPart.LEDGER_FORM) && form == null) {
                throw node.error("报送内容含台账报表（LEDGER_FORM）时须写明 form：survey（001 附件1）或 community（004 附件2）");
            }
            if (form != null && !form.equals("survey") && !form.equals("community")) {
                throw node.required("form").error("form 应为 survey（001 附件1 排查台账）或 community（004 附件2 社区统计表），实际为“" + form + "”");
            }
            Set<Submitter> submitters = EnumSet.noneOf(Submitter.class);
            YamlNode who = node.required("submitters");
            for (YamlNode s : who.isScalar() ? List.of(who) : who.items()) {
                submitters.add(value(Submitter.class, s, "报送单位（submitters）"));
            }
            int remind = node.has("remindDaysBefore") ? node.required("remindDaysBefore").positiveInt() : 3;
            reports.add(new ReportDuty(id, node.text("title"), List.copyOf(parts), form, Set.copyOf(submitters),
                    node.text("to"), schedule(node.required("schedule")),
                    node.has("holidays") ? value(HolidayRule.class, node.required("holidays"), "遇节假日（holidays）")
                            : HolidayRule.NEXT_WORKING_DAY, remind, node.optionalText("source")));
        }
        return List.copyOf(reports);
    }

    private static ReportSchedule schedule(YamlNode node) {
        node.allowOnly("every", "days", "day", "dayOfWeek");
        ReportFrequency every = value(ReportFrequency.class, node.required("every"), "报送周期（schedule.every）");
        return switch (every) {
            case MONTH -> {
                List<Integer> days = new ArrayList<>();
                for (YamlNode d : node.required("days").items()) {
                    days.add(dayOfMonth(d));
                }
                if (days.isEmpty()) {
                    throw node.required("days").error("schedule.days 不能为空");
                }
                yield new ReportSchedule(every, days, null);
            }
            case QUARTER -> new ReportSchedule(every, List.of(dayOfMonth(node.required("day"))), null);
            case WEEK -> {
                YamlNode d = node.required("dayOfWeek");
                try {
                    yield new ReportSchedule(every, List.of(), DayOfWeek.valueOf(d.text().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw d.error("schedule.dayOfWeek 应为 MONDAY … SUNDAY，实际为“" + d.text() + "”");
                }
            }
        };
    }

    private static int dayOfMonth(YamlNode d) {
        int day = d.positiveInt();
        if (day < 1 || day > 31) {
            throw d.error("日期应在 1 到 31 之间，实际为 " + day);
        }
        return day;
    }

    private static <E extends Enum<E>> E value(Class<E> type, YamlNode node, String what) {
        String text = node.text();
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw node.error(what + "应为 " + String.join("、", names) + " 之一，实际为“" + text + "”");
        }
    }
}
