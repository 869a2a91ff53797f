package org.qingyuan.statistics;

/**
 * One enterprise behind a figure, as it stood at the date.
 *
 * @param id the enterprise
 * @param name its name then
 * @param divisionCode its village then
 * @param divisionName that village's name
 * @param typeLabel 小散乱污 or 八小
 * @param categoryLabel its category then (null: not classified yet)
 * @param measureLabel its measure then (null: none)
 * @param stateLabel its case's state then (null: no case)
 * @param overdue its case was overdue then
 */
public record CountedEnterprise(long id, String name, String divisionCode, String divisionName, String typeLabel,
                                String categoryLabel, String measureLabel, String stateLabel, boolean overdue) {
}
