package org.qingyuan.policy.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.policy.Clearance;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.DeadlineRule;
import org.qingyuan.policy.Due;
import org.qingyuan.policy.Escalation;
import org.qingyuan.policy.Measure;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.MeasureSubKind;
import org.qingyuan.policy.Production;

/** Reads a disposal measure, its deadlines and escalations from a policy file. */
final class MeasureParser {

    static final String[] MEASURE_KEYS = {"kind", "subKinds", "label", "text", "production", "deadlines", "clearances",
            "acceptance", "escalations", "source"};

    private MeasureParser() {
    }

    /** The measure fields of a disposal entry (which may hold further keys, checked by the caller). */
    static Measure measure(YamlNode node) {
        MeasureKind kind = enumValue(node.required("kind"), MeasureKind.class);
        List<MeasureSubKind> subKinds = new ArrayList<>();
        if (node.has("subKinds")) {
            YamlNode subNode = node.required("subKinds");
            for (String code : subNode.texts()) {
                MeasureSubKind sub = MeasureSubKind.ofCode(code);
                if (sub == null) {
                    throw subNode.error("不认识的措施细类“" + code + "”，可用："
                            + String.join("、", Arrays.stream(MeasureSubKind.values()).map(MeasureSubKind::code).toList()));
                }
                subKinds.add(sub);
            }
        }
        String source = node.text("source");
        Production production = production(node.required("production"));
        List<DeadlineRule> deadlines = new ArrayList<>();
        if (node.has("deadlines")) {
            for (YamlNode item : node.required("deadlines").items()) {
                item.allowOnly("kind", "label", "due", "source");
                DeadlineKind deadlineKind = enumValue(item.required("kind"), DeadlineKind.class);
                String label = item.has("label") ? item.text("label") : deadlineKind.label();
                deadlines.add(new DeadlineRule(deadlineKind, label, due(item.required("due")),
                        item.has("source") ? item.text("source") : source));
            }
        }
        List<Escalation> escalations = new ArrayList<>();
        if (node.has("escalations")) {
            Set<DeadlineKind> own = deadlines.stream().map(DeadlineRule::kind).collect(java.util.stream.Collectors.toSet());
            for (YamlNode item : node.required("escalations").items()) {
                escalations.add(escalation(item, own));
            }
        }
        return new Measure(kind, List.copyOf(subKinds), node.text("label"), node.text("text"), production,
                List.copyOf(deadlines), clearances(node.get("clearances")), texts(node.get("acceptance")),
                List.copyOf(escalations), source);
    }

    private static Escalation escalation(YamlNode item, Set<DeadlineKind> own) {
        item.allowOnly("after", "trigger", "becomes", "action", "clearances", "source");
        DeadlineKind after = null;
        if (item.has("after")) {
            after = enumValue(item.required("after"), DeadlineKind.class);
            if (!own.contains(after)) {
                throw item.required("after").error("升级条件引用的期限“" + after + "”不是本措施的期限");
            }
        }
        MeasureKind becomes = item.has("becomes") ? enumValue(item.required("becomes"), MeasureKind.class) : null;
        return new Escalation(after, item.text("trigger"), becomes, item.text("action"), clearances(item.get("clearances")),
                item.text("source"));
    }

    /** {@code {date: 2018-09-30}}, {@code {endOfMonth: "2017-10"}}, {@code {months: 2}}, {@code {days: 0}}, {@code {workingDays: 5}} or {@code {perCase: 说明}}. */
    static Due due(YamlNode node) {
        Map<String, YamlNode> entries = node.entries();
        if (entries.size() != 1) {
            throw node.error("期限应为 date、endOfMonth、months、days、workingDays 或 perCase 之一");
        }
        String key = entries.keySet().iterator().next();
        YamlNode value = node.required(key);
        return switch (key) {
            case "date" -> new Due.FixedDate(value.date());
            case "endOfMonth" -> {
                try {
                    yield new Due.EndOfMonth(YearMonth.parse(value.text()));
                } catch (DateTimeParseException e) {
                    throw value.error("endOfMonth 应为年月（yyyy-mm），实际为“" + value.text() + "”");
                }
            }
            case "months" -> new Due.CalendarMonths(value.positiveInt());
            case "days" -> new Due.CalendarDays(value.positiveInt());
            case "workingDays" -> new Due.WorkingDays(value.positiveInt());
            case "perCase" -> new Due.PerCase(value.text());
            default -> throw node.error("不认识的期限“" + key + "”，期限应为 date、endOfMonth、months、days、workingDays 或 perCase 之一");
        };
    }

    private static Production production(YamlNode node) {
        return switch (node.text()) {
            case "stop" -> Production.STOP;
            case "limit-or-stop" -> Production.LIMIT_OR_STOP;
            case "allowed" -> Production.ALLOWED;
            case "not-stated" -> Production.NOT_STATED;
            default -> throw node.error("production 应为 stop、limit-or-stop、allowed 或 not-stated，实际为“" + node.text() + "”");
        };
    }

    private static List<Clearance> clearances(YamlNode node) {
        if (node == null) {
            return List.of();
        }
        List<Clearance> result = new ArrayList<>();
        for (YamlNode item : node.items()) {
            Clearance clearance = enumValue(item, Clearance.class);
            if (result.contains(clearance)) {
                throw item.error("两断三清项目“" + clearance + "”重复");
            }
            result.add(clearance);
        }
        return List.copyOf(result);
    }

    static List<String> texts(YamlNode node) {
        return node == null ? List.of() : List.copyOf(node.texts());
    }

    static <E extends Enum<E>> E enumValue(YamlNode node, Class<E> type) {
        String text = node.text();
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw node.error("“" + node.name() + "”不能是“" + text + "”，可用："
                    + String.join("、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }
}
