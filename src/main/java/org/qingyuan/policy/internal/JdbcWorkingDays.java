package org.qingyuan.policy.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.qingyuan.policy.CalendarYear;
import org.qingyuan.policy.WorkingDays;
import org.qingyuan.policy.internal.HolidayFiles.YearFile;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The shipped holiday data 2017–2026 plus the years uploaded into {@code working_day_year} (the
 * latest upload of a year wins). The calendar is kept in memory and re-read when another node
 * uploaded a year (checked at most every few seconds).
 */
@Service
class JdbcWorkingDays implements WorkingDays {

    private static final Logger log = LoggerFactory.getLogger(JdbcWorkingDays.class);
    private static final long RECHECK_NANOS = 5_000_000_000L;

    private record Snapshot(WorkingDayCalendar calendar, List<CalendarYear> years, long lastId, long checkedAt) {
    }

    private final JdbcClient jdbc;
    private final Map<Integer, YearFile> shipped = new TreeMap<>();
    private volatile Snapshot snapshot;

    private final AuditTrail audit;

    JdbcWorkingDays(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        for (int year = HolidayFiles.FIRST_SHIPPED; year <= HolidayFiles.LAST_SHIPPED; year++) {
            shipped.put(year, HolidayFiles.parse(HolidayFiles.read("holidays/" + year + ".json")));
        }
    }

    @Override
    public WorkingDayCalendar calendar() {
        return current().calendar();
    }

    @Override
    public List<CalendarYear> years() {
        return current().years();
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public CalendarYear upload(String json, String uploadedBy) {
        YearFile file = HolidayFiles.parse(json);
        try {
            current().calendar().withYear(file.year(), file.days());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        jdbc.sql("INSERT INTO working_day_year (year, content, uploaded_by) VALUES (:year, :content, :by)")
                .param("year", file.year()).param("content", json).param("by", uploadedBy).update();
        audit.record(new AuditEvent("CALENDAR_YEAR_UPLOADED", "WorkingDayYear", String.valueOf(file.year()), null,
                java.util.Map.of("holidays", file.holidays(), "adjustedWorkdays", file.adjustedWorkdays())));
        log.info("Working-day calendar: {} uploaded by {} ({} holidays, {} adjusted working days)", file.year(), uploadedBy,
                file.holidays(), file.adjustedWorkdays());
        snapshot = null;
        return years().stream().filter(y -> y.year() == file.year()).findFirst().orElseThrow();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && System.nanoTime() - s.checkedAt() < RECHECK_NANOS) {
            return s;
        }
        synchronized (this) {
            long lastId = jdbc.sql("SELECT coalesce(max(id), 0) FROM working_day_year").query(Long.class).single();
            s = snapshot;
            if (s != null && s.lastId() == lastId) {
                s = new Snapshot(s.calendar(), s.years(), lastId, System.nanoTime());
            } else {
                s = load(lastId);
            }
            snapshot = s;
            return s;
        }
    }

    private Snapshot load(long lastId) {
        WorkingDayCalendar calendar = WorkingDayCalendar.weekdaysOnly();
        Map<Integer, CalendarYear> years = new TreeMap<>();
        for (YearFile file : shipped.values()) {
            calendar = calendar.withYear(file.year(), file.days());
            years.put(file.year(), new CalendarYear(file.year(), false, file.holidays(), file.adjustedWorkdays(), file.papers(),
                    null, null));
        }
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT DISTINCT ON (year) year, content, uploaded_at, uploaded_by
                  FROM working_day_year ORDER BY year, id DESC
                """).query().listOfRows();
        for (Map<String, Object> row : rows) {
            try {
                YearFile file = HolidayFiles.parse((String) row.get("content"));
                calendar = calendar.withYear(file.year(), file.days());
                years.put(file.year(), new CalendarYear(file.year(), true, file.holidays(), file.adjustedWorkdays(), file.papers(),
                        ((Timestamp) row.get("uploaded_at")).toInstant(), (String) row.get("uploaded_by")));
            } catch (RuntimeException e) {
                log.error("Working-day calendar: the upload of {} is not used: {}", row.get("year"), e.getMessage());
            }
        }
        return new Snapshot(calendar, List.copyOf(new ArrayList<>(years.values())), lastId, System.nanoTime());
    }
}
