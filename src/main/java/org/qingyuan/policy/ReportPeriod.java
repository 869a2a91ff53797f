package org.qingyuan.policy;

import java.time.LocalDate;

/**
 * One period of a report: the data are reported as of the end of {@code cutOff}; the report is due on {@code due}
 * (the nominal day moved by the plan's holiday rule).
 *
 * @param key stable and sortable: 2026-11 (monthly), 2026-11-1 / 2026-11-2 (twice a month), 2026-W48, 2026-Q3
 * @param label its Chinese name: 2026年11月, 2026年11月上半月, 2026年第48周, 2026年第三季度
 */
public record ReportPeriod(String key, String label, LocalDate start, LocalDate cutOff, LocalDate due) {
}
