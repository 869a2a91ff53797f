package org.qingyuan.policy;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is known about one enterprise: fact name → {@code true}, {@code false}, a text, or
 * {@code null} / absent for unknown. The same shape as the ledger's {@code facts} object.
 */
public final class Facts {

    private static final Facts NONE = new Facts(Map.of());

    private final Map<String, Object> values;

    private Facts(Map<String, Object> values) {
        this.values = values;
    }

    /** Facts from a JSON-like map; values must be Boolean, String or null. */
    public static Facts of(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return NONE;
        }
        Map<String, Object> copy = new HashMap<>();
        values.forEach((name, value) -> {
            if (value != null && !(value instanceof Boolean) && !(value instanceof String)) {
                throw new IllegalArgumentException("事实“" + name + "”的值应为 true、false、文字或 null");
            }
            copy.put(name, value instanceof String s && s.isBlank() ? null : value);
        });
        return new Facts(Collections.unmodifiableMap(copy));
    }

    /** No fact known. */
    public static Facts none() {
        return NONE;
    }

    /** The value, or null when unknown. */
    public Object get(String name) {
        return values.get(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** This set of facts with one fact changed. */
    public Facts with(String name, Object value) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(name, value);
        return of(copy);
    }

    /** A stable text of the known facts, to notice later changes (e.g. under an override). */
    public String fingerprint() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(values).forEach((name, value) -> {
            if (value != null) {
                text.append(name).append('=').append(value).append(';');
            }
        });
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Facts other && fingerprint().equals(other.fingerprint());
    }

    @Override
    public int hashCode() {
        return fingerprint().hashCode();
    }

    @Override
    public String toString() {
        return "Facts" + new TreeMap<>(values);
    }
}
