package org.qingyuan.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.FieldChange;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Premises;
import org.qingyuan.shared.DivisionCode;

/**
 * An enterprise's details as they were before some versions: the inverse of {@link EnterpriseFields#flatten}, the one
 * place that maps a flat field name ({@link EnterpriseFields#LABELS}, {@code facts.<name>} of a declared fact) back into
 * {@link EnterpriseDetails}. {@link #undo} starts from the details after the versions and sets, newest version first,
 * every field each changed back to its old value. A test walks {@link EnterpriseFields#LABELS}: a new field without a
 * setter here fails it.
 * <p>
 * What the versions do not record cannot come back: a fact's source and date (a version keeps the answer only, so a
 * reverted fact has neither) and whether the key-industry and “八小” flags were set or followed the industry (a version
 * keeps the flag as it applied, so the reverted flag is set to that value, which prints the same).
 */
final class EnterpriseReversal {

    /** The fields a version records that are the enterprise's life cycle (withdrawn, merged), not its details. */
    static final Set<String> LIFE_CYCLE = Set.of("status", "mergedInto", "mergedFrom");

    private EnterpriseReversal() {
    }

    /**
     * The details before the versions whose changes are given, newest version first (as {@link JdbcHistory} reads
     * them): each changed field set back to its old value; life-cycle fields are skipped.
     *
     * @throws IllegalArgumentException for a field that is neither a detail nor a life-cycle field
     */
    static EnterpriseDetails undo(EnterpriseDetails after, List<List<FieldChange>> versionsNewestFirst) {
        EnterpriseDetails d = after;
        for (List<FieldChange> version : versionsNewestFirst) {
            for (FieldChange change : version) {
                if (!LIFE_CYCLE.contains(change.field())) {
                    d = with(d, change.field(), change.oldValue());
                }
            }
        }
        return d;
    }

    /**
     * The details with one field set to {@code value}: a value as {@link EnterpriseFields#flatten} gives it or as a
     * version stores it (JSON text, number, boolean or null; ISO dates and enum names as text; the output value as text
     * or number). {@code facts.<name>} sets one of the eleven facts or a declared one to that answer (null: unknown).
     *
     * @throws IllegalArgumentException for a name that is not a field of the details
     */
    static EnterpriseDetails with(EnterpriseDetails d, String field, Object value) {
        if (field.startsWith("facts.")) {
            Boolean answer = bool(value);
            return d.withFacts(d.facts().with(field.substring(6), answer == null ? FactValue.UNKNOWN : new FactValue(answer, null, null)));
        }
        Setter setter = SETTERS.get(field);
        if (setter == null) {
            throw new IllegalArgumentException("not a field of an enterprise's details: " + field);
        }
        return setter.set(d, value);
    }

    /** Whether {@link #with} can set the field. */
    static boolean settable(String field) {
        return field.startsWith("facts.") || SETTERS.containsKey(field);
    }

    @FunctionalInterface
    private interface Setter {
        EnterpriseDetails set(EnterpriseDetails d, Object value);
    }

    private static final Map<String, Setter> SETTERS = setters();

    private static Map<String, Setter> setters() {
        Map<String, Setter> s = new HashMap<>();
        s.put("name", (d, v) -> {
            Identity i = d.identity();
            return d.withIdentity(new Identity(text(v), i.creditCode(), i.operator(), i.contactPerson(), i.contactPhone()));
        });
        s.put("creditCode", (d, v) -> {
            Identity i = d.identity();
            return d.withIdentity(new Identity(i.name(), text(v), i.operator(), i.contactPerson(), i.contactPhone()));
        });
        s.put("operator", (d, v) -> {
            Identity i = d.identity();
            return d.withIdentity(new Identity(i.name(), i.creditCode(), text(v), i.contactPerson(), i.contactPhone()));
        });
        s.put("contactPerson", (d, v) -> {
            Identity i = d.identity();
            return d.withIdentity(new Identity(i.name(), i.creditCode(), i.operator(), text(v), i.contactPhone()));
        });
        s.put("contactPhone", (d, v) -> {
            Identity i = d.identity();
            return d.withIdentity(new Identity(i.name(), i.creditCode(), i.operator(), i.contactPerson(), text(v)));
        });
        s.put("divisionCode", (d, v) -> {
            Place p = d.place();
            String code = text(v);
            return d.withPlace(new Place(code == null ? null : DivisionCode.of(code), p.address(), p.longitude(), p.latitude()));
        });
        s.put("address", (d, v) -> {
            Place p = d.place();
            return d.withPlace(new Place(p.division(), text(v), p.longitude(), p.latitude()));
        });
        s.put("longitude", (d, v) -> {
            Place p = d.place();
            return d.withPlace(new Place(p.division(), p.address(), number(v), p.latitude()));
        });
        s.put("latitude", (d, v) -> {
            Place p = d.place();
            return d.withPlace(new Place(p.division(), p.address(), p.longitude(), number(v)));
        });
        s.put("industry", (d, v) -> d.withBusiness(business(d.business(), "industry", EnterpriseRows.enumOf(Industry.class, text(v)))));
        s.put("keyIndustry", (d, v) -> d.withBusiness(business(d.business(), "keyIndustry", bool(v))));
        s.put("eightSmall", (d, v) -> d.withBusiness(business(d.business(), "eightSmall", bool(v))));
        s.put("products", (d, v) -> d.withBusiness(business(d.business(), "products", text(v))));
        s.put("rawMaterials", (d, v) -> d.withBusiness(business(d.business(), "rawMaterials", text(v))));
        s.put("equipmentModels", (d, v) -> d.withBusiness(business(d.business(), "equipmentModels", text(v))));
        s.put("employees", (d, v) -> {
            String n = text(v);
            return d.withBusiness(business(d.business(), "employees", n == null ? null : new BigDecimal(n).intValueExact()));
        });
        s.put("outputValue", (d, v) -> {
            String n = text(v);
            return d.withBusiness(business(d.business(), "outputValue", n == null ? null : new BigDecimal(n)));
        });
        s.put("premises", (d, v) -> d.withBusiness(business(d.business(), "premises", EnterpriseRows.enumOf(Premises.class, text(v)))));
        s.put("landlord", (d, v) -> d.withBusiness(business(d.business(), "landlord", text(v))));
        s.put("type", (d, v) -> {
            Campaign c = d.campaign();
            return d.withCampaign(new Campaign(EnterpriseRows.enumOf(EnterpriseType.class, text(v)), c.discovery(), c.reportedOn(),
                    c.remarks()));
        });
        s.put("discovery", (d, v) -> {
            Campaign c = d.campaign();
            return d.withCampaign(new Campaign(c.type(), EnterpriseRows.enumOf(Discovery.class, text(v)), c.reportedOn(), c.remarks()));
        });
        s.put("reportedOn", (d, v) -> {
            Campaign c = d.campaign();
            String day = text(v);
            return d.withCampaign(new Campaign(c.type(), c.discovery(), day == null ? null : LocalDate.parse(day), c.remarks()));
        });
        s.put("remarks", (d, v) -> {
            Campaign c = d.campaign();
            return d.withCampaign(new Campaign(c.type(), c.discovery(), c.reportedOn(), text(v)));
        });
        return Collections.unmodifiableMap(s);
    }

    /** The business with the component of that name (its {@link EnterpriseFields} name) replaced. */
    private static Business business(Business b, String field, Object v) {
        return new Business(
                field.equals("industry") ? (Industry) v : b.industry(),
                field.equals("keyIndustry") ? (Boolean) v : b.keyIndustry(),
                field.equals("eightSmall") ? (Boolean) v : b.eightSmall(),
                field.equals("products") ? (String) v : b.products(),
                field.equals("rawMaterials") ? (String) v : b.rawMaterials(),
                field.equals("equipmentModels") ? (String) v : b.equipmentModels(),
                field.equals("employees") ? (Integer) v : b.employees(),
                field.equals("outputValue") ? (BigDecimal) v : b.outputValue(),
                field.equals("premises") ? (Premises) v : b.premises(),
                field.equals("landlord") ? (String) v : b.landlord());
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    private static Double number(Object v) {
        return v == null ? null : v instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(v.toString());
    }

    private static Boolean bool(Object v) {
        return v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
    }
}
