package org.qingyuan.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.WorkingDayCalendar;
import org.qingyuan.shared.WorkingDayCalendar.Day;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the yearly holiday files (schema of github NateScarlet/holiday-cn:
 * {@code {year, papers, days: [{name, date, isOffDay}]}}), refusing a malformed one with a
 * Chinese reason, and builds the shipped calendar from {@code classpath:holidays/}.
 */
final class HolidayFiles {

    /** The years shipped in {@code src/main/resources/holidays}. */
    static final int FIRST_SHIPPED = 2017;
    static final int LAST_SHIPPED = 2026;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One year's announcement. */
    record YearFile(int year, List<String> papers, List<Day> days) {

        long holidays() {
            return days.stream().filter(Day::offDay).count();
        }

        long adjustedWorkdays() {
            return days.stream().filter(d -> !d.offDay()).count();
        }
    }

    private HolidayFiles() {
    }

    /** The calendar of the shipped years. */
    static WorkingDayCalendar shipped() {
        WorkingDayCalendar calendar = WorkingDayCalendar.weekdaysOnly();
        for (int year = FIRST_SHIPPED; year <= LAST_SHIPPED; year++) {
            YearFile file = parse(read("holidays/" + year + ".json"));
            calendar = calendar.withYear(file.year(), file.days());
        }
        return calendar;
    }

    static String read(String resource) {
        try (InputStream in = HolidayFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and checks one year's file. */
    static YearFile parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location != null && location.getLineNr() > 0
                    ? "第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列" : "";
            throw invalid("文件不是有效的 JSON" + (where.isEmpty() ? "" : "（" + where + "）"));
        }
        if (root == null || !root.isObject()) {
            throw invalid("文件应为一个 JSON 对象：{\"year\": …, \"papers\": […], \"days\": […]}");
        }
        JsonNode yearNode = root.get("year");
        if (yearNode == null || !yearNode.isInt() || yearNode.intValue() < 2000 || yearNode.intValue() > 2100) {
            throw invalid("缺少年份 year，或年份不在 2000–2100 之间");
        }
        int year = yearNode.intValue();
        JsonNode papersNode = root.get("papers");
        if (papersNode == null || !papersNode.isArray()) {
            throw invalid("缺少 papers（所依据的国务院文件网址列表）");
        }
        List<String> papers = new ArrayList<>();
        papersNode.forEach(p -> papers.add(p.asString()));
        JsonNode daysNode = root.get("days");
        if (daysNode == null || !daysNode.isArray()) {
            throw invalid("缺少 days（节假日与调休日列表）");
        }
        List<Day> days = new ArrayList<>();
        int index = 0;
        for (JsonNode node : daysNode) {
            index++;
            days.add(day(node, index));
        }
        if (days.isEmpty()) {
            throw invalid("days 为空：一年至少应有元旦等法定节假日");
        }
        try {
            WorkingDayCalendar.weekdaysOnly().withYear(year, days);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return new YearFile(year, List.copyOf(papers), List.copyOf(days));
    }

    private static Day day(JsonNode node, int index) {
        String where = "days 第 " + index + " 项";
        if (!node.isObject()) {
            throw invalid(where + "应为对象 {\"name\", \"date\", \"isOffDay\"}");
        }
        JsonNode name = node.get("name");
        JsonNode date = node.get("date");
        JsonNode off = node.get("isOffDay");
        if (name == null || !name.isString()) {
            throw invalid(where + "缺少节日名称 name");
        }
        if (date == null || !date.isString()) {
            throw invalid(where + "缺少日期 date");
        }
        if (off == null || !off.isBoolean()) {
            throw invalid(where + "缺少 isOffDay（true 为休息日，false 为调休上班）");
        }
        try {
            return new Day(LocalDate.parse(date.asString()), name.asString(), off.booleanValue());
        } catch (DateTimeParseException e) {
            throw invalid(where + "的日期“" + date.asString() + "”不是 yyyy-mm-dd 格式");
        }
    }

    private static InvalidInputException invalid(String reason) {
        return new InvalidInputException("file", reason);
    }
}
