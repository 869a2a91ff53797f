package org.qingyuan.statistics.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.qingyuan.shared.InvalidInputException;

/**
 * The instants a statistics question asks about: the end of {@code asOf} (the last microsecond of that day, China time,
 * or an exact instant) and the start of the period {@code from}; checked once (no future date, the period not after its end).
 */
record AsOf(LocalDate date, LocalDate from, Instant at) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static AsOf of(LocalDate asOf, LocalDate from, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        LocalDate date = asOf == null ? today : asOf;
        if (date.isAfter(today)) {
            throw new InvalidInputException("asOf", "统计日期（asOf）不能晚于今天（" + today + "）");
        }
        LocalDate start = from == null ? date.withDayOfMonth(1) : from;
        if (start.isAfter(date)) {
            throw new InvalidInputException("from", "统计期起始日（from）不能晚于统计日期（" + date + "）");
        }
        return new AsOf(date, start, date.plusDays(1).atStartOfDay(CHINA).toInstant().minus(1, ChronoUnit.MICROS));
    }

    /** An exact instant (not after now) with its period's first day. */
    static AsOf at(Instant at, LocalDate from, Clock clock) {
        Instant now = clock.instant();
        Instant when = at.isAfter(now) ? now : at;
        LocalDate date = when.atZone(CHINA).toLocalDate();
        LocalDate start = from == null || from.isAfter(date) ? date.withDayOfMonth(1) : from;
        return new AsOf(date, start, when);
    }

    /** The end of the date: everything recorded up to and including its last microsecond counts. */
    Timestamp end() {
        return Timestamp.from(at);
    }

    /** Just before the period's first day, so that events in (periodStart, end] are that day's onwards. */
    Timestamp periodStart() {
        return Timestamp.from(from.atStartOfDay(CHINA).toInstant().minus(1, ChronoUnit.MICROS));
    }
}
