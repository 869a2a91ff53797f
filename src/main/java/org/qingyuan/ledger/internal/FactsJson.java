package org.qingyuan.ledger.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code facts} column: {"hasFireApproval": {"value": true, "source": "INSPECTION", "asOf": "2026-03-01"}, …}, the
 * eleven facts of the forms and the facts plans declare (same shape, under the plan's name) together.
 */
public final class FactsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FactsJson() {
    }

    public static String write(Facts facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        facts.values().forEach((fact, v) -> out.put(fact.jsonName(), one(v)));
        facts.declared().forEach((name, v) -> out.put(name, one(v)));
        return JSON.writeValueAsString(out);
    }

    private static Map<String, Object> one(FactValue v) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("value", v.value());
        one.put("source", v.source() == null ? null : v.source().name());
        one.put("asOf", v.asOf() == null ? null : v.asOf().toString());
        return one;
    }

    /** Reads the column with the streaming parser (no tree per row: exports read it for every enterprise). */
    public static Facts read(String json) {
        if (json == null || json.isBlank()) {
            return Facts.NONE;
        }
        Map<Fact, FactValue> values = new EnumMap<>(Fact.class);
        Map<String, FactValue> declared = null;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Facts.NONE;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                Fact fact = BY_JSON_NAME.get(name);
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                Boolean value = null;
                String source = null;
                String asOf = null;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (field) {
                        case "value" -> value = v == JsonToken.VALUE_TRUE ? Boolean.TRUE : v == JsonToken.VALUE_FALSE ? Boolean.FALSE
                                : v == JsonToken.VALUE_NULL ? null : Boolean.valueOf(p.getValueAsBoolean());
                        case "source" -> source = v == JsonToken.VALUE_NULL ? null : p.getString();
                        case "asOf" -> asOf = v == JsonToken.VALUE_NULL ? null : p.getString();
                        default -> p.skipChildren();
                    }
                }
                if (value != null) {
                    FactValue read = new FactValue(value, source == null ? null : FactSource.valueOf(source),
                            asOf == null ? null : LocalDate.parse(asOf));
                    if (fact != null) {
                        values.put(fact, read);
                    } else {
                        // a fact a plan declares (obsoleteCapacity …)
                        if (declared == null) {
                            declared = new java.util.TreeMap<>();
                        }
                        declared.put(name, read);
                    }
                }
            }
        }
        return new Facts(values, declared == null ? Map.of() : declared);
    }

    private static final Map<String, Fact> BY_JSON_NAME = byJsonName();

    private static Map<String, Fact> byJsonName() {
        Map<String, Fact> m = new java.util.HashMap<>();
        for (Fact f : Fact.values()) {
            m.put(f.jsonName(), f);
        }
        return m;
    }

    /** Facts from the list masks (answers only). */
    public static Facts fromMasks(int yes, int no) {
        Map<Fact, FactValue> values = new EnumMap<>(Fact.class);
        for (Fact fact : Fact.values()) {
            if ((yes & fact.mask()) != 0) {
                values.put(fact, new FactValue(true, null, null));
            } else if ((no & fact.mask()) != 0) {
                values.put(fact, new FactValue(false, null, null));
            }
        }
        return new Facts(values);
    }
}
