package org.qingyuan.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One period of a report ({@link ReportSchedule}): its days run from {@code start} to {@code cutOff}, both included;
 * the data are reported as of the end of {@code cutOff}; the report is due on {@code due}, the nominal due day moved by
 * the report's {@link HolidayRule} (so it may lie before the cut-off when the rule moves it earlier).
 *
 * @param key stable and sortable: 2026-11 (monthly), 2026-11-1 / 2026-11-2 (twice a month), 2026-W48 (ISO week),
 *            2026-Q3 (quarter)
 * @param label its Chinese name: 2026年11月, 2026年11月上半月, 2026年第48周, 2026年第三季度
 * @param start the first day of the period
 * @param cutOff the last day of the period: the data are reported as of its end
 * @param due the day the report is due
 */
public record ReportPeriod(String key, String label, LocalDate start, LocalDate cutOff, LocalDate due) {

    public ReportPeriod {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(due, "due");
        if (cutOff.isBefore(start)) {
            throw new IllegalArgumentException("cut-off " + cutOff + " before start " + start);
        }
    }

    /** Whether the day is one of the period's days. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(cutOff);
    }
}
