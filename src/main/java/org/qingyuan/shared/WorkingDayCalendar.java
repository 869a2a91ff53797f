package org.qingyuan.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * China's working days: Monday to Friday, except the official public holidays, plus the adjusted
 * working days (调休) that fall on a weekend. Built from the State Council's yearly announcements,
 * one list of special days per announced year; a year's list may include the end of December of
 * the year before. Dates in years without an announcement count Monday to Friday only
 * ({@link #covers(LocalDate)} says which dates are backed by an announcement). Immutable.
 */
public final class WorkingDayCalendar {

    /** One special day of an announcement: a holiday ({@code offDay}) or an adjusted working day. */
    public record Day(LocalDate date, String name, boolean offDay) {

        public Day {
            Objects.requireNonNull(date, "date");
            name = name == null ? "" : name;
        }
    }

    private static final WorkingDayCalendar EMPTY = new WorkingDayCalendar(new TreeMap<>());

    private final SortedMap<Integer, List<Day>> years;
    private final Map<LocalDate, Day> special;

    private WorkingDayCalendar(SortedMap<Integer, List<Day>> years) {
        this.years = Collections.unmodifiableSortedMap(years);
        Map<LocalDate, Day> days = new HashMap<>();
        years.values().forEach(list -> list.forEach(day -> days.put(day.date(), day)));
        this.special = days;
    }

    /** A calendar without announcements: Monday to Friday are working days. */
    public static WorkingDayCalendar weekdaysOnly() {
        return EMPTY;
    }

    /**
     * This calendar with one year's announcement added or replaced.
     *
     * @throws IllegalArgumentException in Chinese, when a day lies outside the year (and its
     *         preceding December), appears twice, or contradicts another year's list
     */
    public WorkingDayCalendar withYear(int year, List<Day> days) {
        SortedMap<Integer, List<Day>> next = new TreeMap<>(years);
        next.remove(year);
        Map<LocalDate, Day> others = new HashMap<>();
        next.values().forEach(list -> list.forEach(day -> others.put(day.date(), day)));
        Map<LocalDate, Day> seen = new HashMap<>();
        for (Day day : days) {
            LocalDate date = day.date();
            boolean inYear = date.getYear() == year || (date.getYear() == year - 1 && date.getMonthValue() == 12);
            if (!inYear) {
                throw new IllegalArgumentException(date + " 不属于 " + year + " 年（只能是该年或上一年 12 月的日期）");
            }
            if (seen.put(date, day) != null) {
                throw new IllegalArgumentException(date + " 重复出现");
            }
            Day other = others.get(date);
            if (other != null && other.offDay() != day.offDay()) {
                throw new IllegalArgumentException(date + " 与其他年份的数据矛盾（" + (other.offDay() ? "休息日" : "工作日") + "）");
            }
        }
        next.put(year, List.copyOf(days.stream().sorted(java.util.Comparator.comparing(Day::date)).toList()));
        return new WorkingDayCalendar(next);
    }

    /** The years whose announcement this calendar holds, ascending. */
    public List<Integer> years() {
        return List.copyOf(years.keySet());
    }

    /** The special days announced for a year (holidays and adjusted working days), by date. */
    public List<Day> daysOf(int year) {
        return years.getOrDefault(year, List.of());
    }

    /** True when the date's year has an announcement, so its holidays are known. */
    public boolean covers(LocalDate date) {
        return years.containsKey(date.getYear());
    }

    /** The holiday or adjusted working day on this date, if it is one. */
    public Optional<Day> special(LocalDate date) {
        return Optional.ofNullable(special.get(date));
    }

    public boolean isWorkingDay(LocalDate date) {
        Day day = special.get(date);
        if (day != null) {
            return !day.offDay();
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code n}-th working day after {@code from} ("within 5 working days from the notice"):
     * the start day itself is not counted. {@code n = 0} answers {@code from}.
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("工作日数不能为负数：" + n);
        }
        LocalDate date = from;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** How many working days lie after {@code from} up to and including {@code to} (0 when {@code to} is not later). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /** The working days and off days of a month, for display. */
    public List<LocalDate> workingDaysOf(java.time.YearMonth month) {
        List<LocalDate> result = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                result.add(d);
            }
        }
        return result;
    }
}
