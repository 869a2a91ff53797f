package org.qingyuan.ledger.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code facts} column: {"hasFireApproval": {"value": true, "source": "INSPECTION", "asOf": "2026-03-01"}, …}. */
public final class FactsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FactsJson() {
    }

    public static String write(Facts facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        facts.values().forEach((fact, v) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("value", v.value());
            one.put("source", v.source() == null ? null : v.source().name());
            one.put("asOf", v.asOf() == null ? null : v.asOf().toString());
            out.put(fact.jsonName(), one);
        });
        return JSON.writeValueAsString(out);
    }

    public static Facts read(String json) {
        if (json == null || json.isBlank()) {
            return Facts.NONE;
        }
        JsonNode root = JSON.readTree(json);
        Map<Fact, FactValue> values = new EnumMap<>(Fact.class);
        for (Fact fact : Fact.values()) {
            JsonNode node = root.get(fact.jsonName());
            if (node != null && node.has("value") && !node.get("value").isNull()) {
                JsonNode source = node.get("source");
                JsonNode asOf = node.get("asOf");
                values.put(fact, new FactValue(node.get("value").asBoolean(),
                        source == null || source.isNull() ? null : FactSource.valueOf(source.asString()),
                        asOf == null || asOf.isNull() ? null : LocalDate.parse(asOf.asString())));
            }
        }
        return new Facts(values);
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
