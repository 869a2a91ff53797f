package org.qingyuan.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Premises;
import org.qingyuan.shared.DivisionCode;
import tools.jackson.databind.JsonNode;

/**
 * An enterprise's details as they were before some versions: each field named in {@link EnterpriseFields#LABELS} (and
 * every declared fact) set back to the old value the earliest of those versions recorded for it. The one place that
 * maps a flat field name back into {@link EnterpriseDetails}; {@link #FIELDS} lists what it can set, and a test walks
 * {@link EnterpriseFields#LABELS} so that no field is forgotten.
 */
final class EnterpriseReversal {

    /** The fields it reverts besides {@code facts.*} (the version-only ones, status and merges, are not details). */
    static final java.util.Set<String> FIELDS = java.util.Set.of("name", "creditCode", "operator", "contactPerson",
            "contactPhone", "divisionCode", "address", "longitude", "latitude", "industry", "keyIndustry", "eightSmall",
            "products", "rawMaterials", "equipmentModels", "employees", "outputValue", "premises", "landlord", "type",
            "discovery", "reportedOn", "remarks");

    private EnterpriseReversal() {
    }

    /** The details with each field of {@code old} (field → old value as JSON, null for none) set back. */
    static EnterpriseDetails revert(EnterpriseDetails d, Map<String, JsonNode> old) {
        if (old == null || old.isEmpty()) {
            return d;
        }
        Identity i = d.identity();
        Identity identity = new Identity(text(old, "name", i.name()), text(old, "creditCode", i.creditCode()),
                text(old, "operator", i.operator()), text(old, "contactPerson", i.contactPerson()),
                text(old, "contactPhone", i.contactPhone()));
        Place p = d.place();
        String division = text(old, "divisionCode", p.division() == null ? null : p.division().value());
        Place place = new Place(division == null ? null : DivisionCode.of(division), text(old, "address", p.address()),
                number(old, "longitude", p.longitude()), number(old, "latitude", p.latitude()));
        Business b = d.business();
        Business business = new Business(enumOf(Industry.class, old, "industry", b.industry()),
                bool(old, "keyIndustry", b.keyIndustry()), bool(old, "eightSmall", b.eightSmall()),
                text(old, "products", b.products()), text(old, "rawMaterials", b.rawMaterials()),
                text(old, "equipmentModels", b.equipmentModels()),
                old.containsKey("employees") ? (isNull(old.get("employees")) ? null : old.get("employees").asInt()) : b.employees(),
                old.containsKey("outputValue") ? (isNull(old.get("outputValue")) ? null : new BigDecimal(old.get("outputValue").asString()))
                        : b.outputValue(),
                enumOf(Premises.class, old, "premises", b.premises()), text(old, "landlord", b.landlord()));
        Facts facts = d.facts();
        for (Map.Entry<String, JsonNode> e : old.entrySet()) {
            if (e.getKey().startsWith("facts.")) {
                String name = e.getKey().substring(6);
                FactValue value = isNull(e.getValue()) ? FactValue.UNKNOWN : new FactValue(e.getValue().asBoolean(), null, null);
                java.util.Optional<Fact> fact = Fact.byJsonName(name);
                facts = fact.isPresent() ? facts.with(fact.get(), value) : facts.with(name, value);
            }
        }
        Campaign c = d.campaign();
        String reported = text(old, "reportedOn", c.reportedOn() == null ? null : c.reportedOn().toString());
        Campaign campaign = new Campaign(enumOf(EnterpriseType.class, old, "type", c.type()),
                enumOf(Discovery.class, old, "discovery", c.discovery()), reported == null ? null : LocalDate.parse(reported),
                text(old, "remarks", c.remarks()));
        return new EnterpriseDetails(identity, place, business, facts, campaign);
    }

    private static boolean isNull(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    private static String text(Map<String, JsonNode> old, String field, String current) {
        if (!old.containsKey(field)) {
            return current;
        }
        JsonNode n = old.get(field);
        return isNull(n) ? null : n.asString();
    }

    private static Double number(Map<String, JsonNode> old, String field, Double current) {
        if (!old.containsKey(field)) {
            return current;
        }
        JsonNode n = old.get(field);
        return isNull(n) ? null : n.asDouble();
    }

    private static Boolean bool(Map<String, JsonNode> old, String field, Boolean current) {
        if (!old.containsKey(field)) {
            return current;
        }
        JsonNode n = old.get(field);
        return isNull(n) ? null : n.asBoolean();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Map<String, JsonNode> old, String field, E current) {
        String name = text(old, field, current == null ? null : current.name());
        return name == null ? null : Enum.valueOf(type, name);
    }
}
