package org.qingyuan.assessment;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a quarter's ranking is computed from, frozen at the cut-off: the district's towns and every contributed value
 * (indicator code → town code → value, basis and evidence). Its canonical JSON is what the SM3 digest is taken of.
 *
 * @param district the district's 6-digit code
 * @param year the quarter's year
 * @param quarter 1–4
 * @param from the quarter's first day
 * @param to the quarter's last day
 * @param cutOff the day the inputs are taken as of
 * @param towns the towns of the district, by code
 * @param values indicator code → town code → value; an indicator without a contributor is absent
 */
public record FrozenInputs(String district, int year, int quarter, LocalDate from, LocalDate to, LocalDate cutOff,
                           List<Town> towns, Map<String, Map<String, IndicatorValue>> values) {

    /** A town of the district as it was named at the freeze. */
    public record Town(String code, String name) {
    }

    public FrozenInputs {
        towns = towns.stream().sorted(java.util.Comparator.comparing(Town::code)).toList();
        TreeMap<String, Map<String, IndicatorValue>> copy = new TreeMap<>();
        values.forEach((code, byTown) -> copy.put(code, Collections.unmodifiableMap(new TreeMap<>(byTown))));
        values = Collections.unmodifiableMap(copy);
    }

    /** The value of an indicator for a town, or null (无数据). */
    public IndicatorValue value(String code, String town) {
        Map<String, IndicatorValue> byTown = values.get(code);
        return byTown == null ? null : byTown.get(town);
    }
}
