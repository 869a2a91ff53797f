package org.qingyuan.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compliance facts of one enterprise; a fact not in the map is unknown.
 *
 * @param values the eleven facts of the forms ({@link Fact})
 * @param declared the facts a plan declares beyond them ({@link DeclaredFact}), by their name in the plan
 *                 ({@code obsoleteCapacity}), recorded with source and date like the eleven
 */
public record Facts(Map<Fact, FactValue> values, Map<String, FactValue> declared) {

    public static final Facts NONE = new Facts(Map.of());

    public Facts {
        EnumMap<Fact, FactValue> copy = new EnumMap<>(Fact.class);
        values.forEach((fact, value) -> {
            if (value != null && value.known()) {
                copy.put(fact, value);
            }
        });
        TreeMap<String, FactValue> own = new TreeMap<>();
        if (declared != null) {
            declared.forEach((name, value) -> {
                if (value != null && value.known()) {
                    Fact standard = Fact.byJsonName(name).orElse(null);
                    if (standard != null) {
                        copy.put(standard, value);
                    } else {
                        own.put(name, value);
                    }
                }
            });
        }
        values = Collections.unmodifiableMap(copy);
        declared = Collections.unmodifiableMap(own);
    }

    /** Only the eleven facts of the forms. */
    public Facts(Map<Fact, FactValue> values) {
        this(values, Map.of());
    }

    public FactValue get(Fact fact) {
        return values.getOrDefault(fact, FactValue.UNKNOWN);
    }

    /** A fact by its JSON name: one of the eleven or a declared one. */
    public FactValue get(String name) {
        return Fact.byJsonName(name).map(this::get).orElseGet(() -> declared.getOrDefault(name, FactValue.UNKNOWN));
    }

    /** True, false or null (unknown). */
    public Boolean value(Fact fact) {
        return get(fact).value();
    }

    /**
     * Every one of the eleven facts by its JSON name, null for unknown, then the declared facts that are known:
     * the shape of {@code facts} in JSON and in events.
     */
    public Map<String, Boolean> asBooleans() {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (Fact fact : Fact.values()) {
            map.put(fact.jsonName(), value(fact));
        }
        declared.forEach((name, value) -> map.put(name, value.value()));
        return Collections.unmodifiableMap(map);
    }

    /** This set with one fact answered (or made unknown with a null value). */
    public Facts with(Fact fact, FactValue value) {
        EnumMap<Fact, FactValue> copy = new EnumMap<>(Fact.class);
        copy.putAll(values);
        copy.put(fact, value);
        return new Facts(copy, declared);
    }

    /** This set with one fact answered by its JSON name (one of the eleven or a declared one). */
    public Facts with(String name, FactValue value) {
        Fact standard = Fact.byJsonName(name).orElse(null);
        if (standard != null) {
            return with(standard, value);
        }
        Map<String, FactValue> copy = new TreeMap<>(declared);
        copy.put(name, value);
        return new Facts(values, copy);
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
