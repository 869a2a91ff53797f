package org.qingyuan.ledger.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FieldChange;

/**
 * The details of an enterprise as a flat list of named fields (the JSON names), for the
 * history: what changed from one version to the next, and each field's Chinese label.
 */
public final class EnterpriseFields {

    /** Field name → Chinese label, in the order the forms show them. */
    public static final Map<String, String> LABELS = labels();

    private EnterpriseFields() {
    }

    private static Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("name", "企业名称");
        l.put("creditCode", "统一社会信用代码");
        l.put("operator", "经营者");
        l.put("contactPerson", "联系人");
        l.put("contactPhone", "联系电话");
        l.put("divisionCode", "所在村（社区）");
        l.put("address", "企业地址");
        l.put("longitude", "经度");
        l.put("latitude", "纬度");
        l.put("industry", "行业");
        l.put("keyIndustry", "重点行业");
        l.put("eightSmall", "“八小”企业");
        l.put("products", "产品");
        l.put("rawMaterials", "原辅材料");
        l.put("equipmentModels", "设备型号");
        l.put("employees", "用工人数");
        l.put("outputValue", "产值（万元）");
        l.put("premises", "厂房性质");
        l.put("landlord", "出租方");
        for (Fact fact : Fact.values()) {
            l.put("facts." + fact.jsonName(), fact.label());
        }
        l.put("type", "企业类型");
        l.put("discovery", "发现方式");
        l.put("reportedOn", "上报时间");
        l.put("remarks", "备注");
        return java.util.Collections.unmodifiableMap(l);
    }

    /** Field name → value (strings, numbers, booleans, ISO dates, enum names); nulls kept. */
    public static Map<String, Object> flatten(EnterpriseDetails d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", d.identity().name());
        f.put("creditCode", d.identity().creditCode());
        f.put("operator", d.identity().operator());
        f.put("contactPerson", d.identity().contactPerson());
        f.put("contactPhone", d.identity().contactPhone());
        f.put("divisionCode", d.place().division() == null ? null : d.place().division().value());
        f.put("address", d.place().address());
        f.put("longitude", d.place().longitude());
        f.put("latitude", d.place().latitude());
        f.put("industry", name(d.business().industry()));
        f.put("keyIndustry", d.business().isKeyIndustry());
        f.put("eightSmall", d.business().isEightSmall());
        f.put("products", d.business().products());
        f.put("rawMaterials", d.business().rawMaterials());
        f.put("equipmentModels", d.business().equipmentModels());
        f.put("employees", d.business().employees());
        BigDecimal output = d.business().outputValue();
        f.put("outputValue", output == null ? null : output.stripTrailingZeros().toPlainString());
        f.put("premises", name(d.business().premises()));
        f.put("landlord", d.business().landlord());
        for (Fact fact : Fact.values()) {
            f.put("facts." + fact.jsonName(), d.facts().value(fact));
        }
        d.facts().declared().forEach((name, v) -> f.put("facts." + name, v.value()));
        f.put("type", name(d.campaign().type()));
        f.put("discovery", name(d.campaign().discovery()));
        f.put("reportedOn", d.campaign().reportedOn() == null ? null : d.campaign().reportedOn().toString());
        f.put("remarks", d.campaign().remarks());
        return f;
    }

    /** The fields whose values differ, in form order; a declared fact is labelled with its name. */
    public static List<FieldChange> diff(EnterpriseDetails before, EnterpriseDetails after) {
        return diff(before, after, name -> name);
    }

    /**
     * The fields whose values differ, in form order, the facts a plan declares after the others.
     *
     * @param declaredLabel the Chinese label of a declared fact by its name
     */
    public static List<FieldChange> diff(EnterpriseDetails before, EnterpriseDetails after,
                                         java.util.function.Function<String, String> declaredLabel) {
        Map<String, Object> a = before == null ? new LinkedHashMap<>() : flatten(before);
        Map<String, Object> b = flatten(after);
        // a declared fact that became unknown is a change too
        a.keySet().stream().filter(k -> !b.containsKey(k)).toList().forEach(k -> b.put(k, null));
        List<FieldChange> changes = new ArrayList<>();
        for (var e : b.entrySet()) {
            Object old = a.get(e.getKey());
            if (!Objects.equals(old, e.getValue()) && !(before == null && e.getValue() == null)
                    && !(before == null && Boolean.FALSE.equals(e.getValue()) && !e.getKey().startsWith("facts."))) {
                String label = LABELS.get(e.getKey());
                if (label == null) {
                    label = e.getKey().startsWith("facts.") ? declaredLabel.apply(e.getKey().substring(6)) : e.getKey();
                }
                changes.add(new FieldChange(e.getKey(), label, old, e.getValue()));
            }
        }
        return changes;
    }

    /** The changes as stored and audited: field → [old, new]. */
    public static Map<String, Object> asMap(List<FieldChange> changes) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (FieldChange c : changes) {
            map.put(c.field(), java.util.Arrays.asList(c.oldValue(), c.newValue()));
        }
        return map;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
