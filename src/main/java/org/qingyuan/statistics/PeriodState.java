package org.qingyuan.statistics;

import java.time.LocalDate;

/**
 * An enterprise at the end of one period (a month or a quarter; the current one ends today), as the ledger and its
 * case stood then.
 *
 * @param period the period's key (2026-11, 2026-Q3)
 * @param label its Chinese name (2026年11月, 2026年第三季度)
 * @param end the period's last day (today for the current one)
 * @param registered the enterprise was in the ledger's records by then (false: registered later; nothing else set)
 * @param active in the ledger then (not withdrawn or merged away)
 * @param divisionCode its village then
 * @param categoryLabel its category then (null: not classified yet)
 * @param measureLabel its measure then (null: none)
 * @param stateLabel its case's state then (null: no case)
 * @param state the state's name (null: no case)
 * @param overdue its case was open and overdue then
 */
public record PeriodState(String period, String label, LocalDate end, boolean registered, boolean active, String divisionCode,
                          String typeLabel, String categoryLabel, String measureLabel, String stateLabel, String state,
                          boolean overdue) {
}
