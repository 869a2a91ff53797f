package org.qingyuan.policy.internal;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
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

/**
 * Reads a plan's {@code reports:} (its report calendar, docs/policies.md "Reports"). Every error names the report and
 * the field, in Chinese, with the line.
 */
final class ReportParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> FORMS = Set.of("survey", "community");
    static final int DEFAULT_REMIND_DAYS = 3;
    static final int MAX_REMIND_DAYS = 20;

    private ReportParser() {
    }

    /** The reports; empty when the file has no {@code reports:} or an empty list. */
    static List<ReportDuty> read(YamlNode root) {
        YamlNode list = root.get("reports");
        if (list == null) {
            return List.of();
        }
        if (!list.isList()) {
            throw list.error("reports 应为列表，每项一个报送事项；方案未规定定期报送时写 reports: []");
        }
        Set<String> ids = new HashSet<>();
        List<ReportDuty> reports = new ArrayList<>();
        for (YamlNode node : list.items()) {
            if (!node.isMap()) {
                throw node.error("reports 的每一项应为映射（id、title、parts、submitters、to、schedule、holidays、source …）");
            }
            node.allowOnly("id", "title", "parts", "form", "submitters", "to", "schedule", "holidays", "remindDaysBefore", "source");
            YamlNode idNode = node.required("id");
            String id = idNode.text();
            if (!ID.matcher(id).matches()) {
                throw idNode.error("报送事项的 id 只能由小写字母、数字和连字符组成，实际为“" + id + "”");
            }
            if (!ids.add(id)) {
                throw idNode.error("报送事项 id“" + id + "”重复");
            }
            reports.add(duty(node, id, "报送事项“" + id + "”："));
        }
        return List.copyOf(reports);
    }

    private static ReportDuty duty(YamlNode node, String id, String at) {
        String title = required(node, "title", at, "title（报送事项名称）").text();
        List<ReportPart> parts = values(required(node, "parts", at, "parts（报送内容）"), ReportPart.class, at + "parts（报送内容）");
        String form = form(node, parts, at);
        List<Submitter> submitters = values(required(node, "submitters", at, "submitters（报送单位）"), Submitter.class,
                at + "submitters（报送单位）");
        String to = required(node, "to", at, "to（报送对象）").text();
        ReportSchedule schedule = schedule(required(node, "schedule", at, "schedule（报送时间）"), at);
        HolidayRule holidays = value(required(node, "holidays", at, "holidays（遇节假日）"), HolidayRule.class, at + "holidays（遇节假日）");
        int remind = DEFAULT_REMIND_DAYS;
        if (node.has("remindDaysBefore")) {
            YamlNode r = node.required("remindDaysBefore");
            remind = integer(r, at + "remindDaysBefore（提前提醒的工作日数）");
            if (remind < 1 || remind > MAX_REMIND_DAYS) {
                throw r.error(at + "remindDaysBefore（提前提醒的工作日数）应在 1 到 " + MAX_REMIND_DAYS + " 之间，实际为 " + remind);
            }
        }
        String source = required(node, "source", at, "source（依据的条款）").text();
        return new ReportDuty(id, title, parts, form, Set.copyOf(submitters), to, schedule, holidays, remind, source);
    }

    private static String form(YamlNode node, List<ReportPart> parts, String at) {
        YamlNode formNode = node.get("form");
        if (formNode == null) {
            if (parts.contains(ReportPart.LEDGER_FORM)) {
                throw node.required("parts").error(at + "parts 含台账报表（LEDGER_FORM），须写明 form：survey（001 附件1 排查台账）"
                        + "或 community（004 附件2 社区统计表）");
            }
            return null;
        }
        String form = formNode.text();
        if (!parts.contains(ReportPart.LEDGER_FORM)) {
            throw formNode.error(at + "form 只用于含台账报表（LEDGER_FORM）的报送事项");
        }
        if (!FORMS.contains(form)) {
            throw formNode.error(at + "form 应为 survey（001 附件1 排查台账）或 community（004 附件2 社区统计表），实际为“" + form + "”");
        }
        return form;
    }

    private static ReportSchedule schedule(YamlNode node, String at) {
        if (!node.isMap()) {
            throw node.error(at + "schedule 应为映射，如 {every: MONTH, days: [23]}");
        }
        ReportFrequency every = value(required(node, "every", at, "schedule.every（报送周期）"), ReportFrequency.class,
                at + "schedule.every（报送周期）");
        return switch (every) {
            case MONTH -> {
                node.allowOnly("every", "days");
                YamlNode daysNode = required(node, "days", at, "schedule.days（每月报送日）");
                List<Integer> days = new ArrayList<>();
                for (YamlNode d : daysNode.isScalar() ? List.of(daysNode) : daysNode.items()) {
                    int day = dayOfMonth(d, at + "schedule.days（每月报送日）");
                    if (days.contains(day)) {
                        throw d.error(at + "schedule.days（每月报送日）中 " + day + " 重复");
                    }
                    days.add(day);
                }
                if (days.isEmpty() || days.size() > ReportSchedule.MAX_DAYS_PER_MONTH) {
                    throw daysNode.error(at + "schedule.days（每月报送日）应有 1 到 " + ReportSchedule.MAX_DAYS_PER_MONTH + " 个日期");
                }
                if (days.stream().filter(d -> d >= 28).count() > 1) {
                    throw daysNode.error(at + "schedule.days（每月报送日）中 28 日及以后的日期至多一个：2 月里它们会落在同一天");
                }
                yield new ReportSchedule(every, days, null);
            }
            case QUARTER -> {
                node.allowOnly("every", "day");
                YamlNode day = required(node, "day", at, "schedule.day（每季度结束后次月的报送日）");
                yield new ReportSchedule(every, List.of(dayOfMonth(day, at + "schedule.day（每季度结束后次月的报送日）")), null);
            }
            case WEEK -> {
                node.allowOnly("every", "dayOfWeek");
                YamlNode d = required(node, "dayOfWeek", at, "schedule.dayOfWeek（每周报送日）");
                try {
                    yield new ReportSchedule(every, List.of(), DayOfWeek.valueOf(d.text().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw d.error(at + "schedule.dayOfWeek（每周报送日）应为 MONDAY、TUESDAY、WEDNESDAY、THURSDAY、FRIDAY、"
                            + "SATURDAY、SUNDAY 之一，实际为“" + d.text() + "”");
                }
            }
        };
    }

    private static YamlNode required(YamlNode node, String key, String at, String what) {
        YamlNode value = node.get(key);
        if (value == null) {
            throw node.error(at + "缺少 " + what);
        }
        return value;
    }

    private static int dayOfMonth(YamlNode d, String what) {
        int day = integer(d, what);
        if (day < 1 || day > 31) {
            throw d.error(what + "应在 1 到 31 之间，实际为 " + day);
        }
        return day;
    }

    private static int integer(YamlNode node, String what) {
        String text = node.isScalar() ? node.text() : "";
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw node.error(what + "应为整数，实际为“" + text + "”");
        }
    }

    /** One value or a list of values of the enum, at least one, none twice. */
    private static <E extends Enum<E>> List<E> values(YamlNode node, Class<E> type, String what) {
        List<E> values = new ArrayList<>();
        for (YamlNode item : node.isScalar() ? List.of(node) : node.items()) {
            E value = value(item, type, what);
            if (values.contains(value)) {
                throw item.error(what + "中 " + value.name() + " 重复");
            }
            values.add(value);
        }
        if (values.isEmpty()) {
            throw node.error(what + "不能为空");
        }
        return values;
    }

    private static <E extends Enum<E>> E value(YamlNode node, Class<E> type, String what) {
        String text = node.isScalar() ? node.text() : "";
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        throw node.error(what + "应为 " + String.join("、", names) + " 之一，实际为“" + text + "”");
    }
}
