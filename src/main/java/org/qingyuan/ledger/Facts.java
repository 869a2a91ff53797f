package org.qingyuan.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The compliance facts of one enterprise; a fact not in the map is unknown. */
public record Facts(Map<Fact, FactValue> values) {

    public static final Facts NONE = new Facts(Map.of());

    public Facts {
        EnumMap<Fact, FactValue> copy = new EnumMap<>(Fact.class);
        values.forEach((fact, value) -> {
            if (value != null && value.known()) {
                copy.put(fact, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public FactValue get(Fact fact) {
        return values.getOrDefault(fact, FactValue.UNKNOWN);
    }

    /** True, false or null (unknown). */
    public Boolean value(Fact fact) {
        return get(fact).value();
    }

    /** Every fact by its JSON name, null for unknown: the shape of {@code facts} in JSON and in events. */
    public Map<String, Boolean> asBooleans() {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (Fact fact : Fact.values()) {
            map.put(fact.jsonName(), value(fact));
        }
        return Collections.unmodifiableMap(map);
    }

    /** This set with one fact answered (or made unknown with a null value). */
    public Facts with(Fact fact, FactValue value) {
        EnumMap<Fact, FactValue> copy = new EnumMap<>(Fact.class);
        copy.putAll(values);
        copy.put(fact, value);
        return new Facts(copy);
    }

    /** Bit mask of the facts answered yes. */
    public int yesMask() {
        return values.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue().value()))
                .mapToInt(e -> e.getKey().mask()).reduce(0, (a, b) -> a | b);
    }

    /** Bit mask of the facts answered no. */
    public int noMask() {
        return values.entrySet().stream().filter(e -> Boolean.FALSE.equals(e.getValue().value()))
                .mapToInt(e -> e.getKey().mask()).reduce(0, (a, b) -> a | b);
    }
}
