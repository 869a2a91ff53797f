package org.qingyuan.ledger.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.PossibleDuplicate;
import org.qingyuan.ledger.Premises;
import org.qingyuan.ledger.internal.DivisionNames;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.ValidationException;

/** Between the API's flat JSON and the ledger's grouped details, with field-named errors for bad values. */
final class EnterpriseMapping {

    private EnterpriseMapping() {
    }

    /**
     * @param effectiveFlags true to show the key-industry and “八小” flags as they apply (defaulted from the industry);
     *                       false to show only what was set explicitly (the base of a merge patch)
     */
    static EnterpriseJson toJson(Enterprise e, DivisionNames names, boolean effectiveFlags, List<FieldError> warnings,
                                 List<PossibleDuplicate> duplicates) {
        return toJson(e, names, effectiveFlags, warnings, duplicates, null);
    }

    static EnterpriseJson toJson(Enterprise e, DivisionNames names, boolean effectiveFlags, List<FieldError> warnings,
                                 List<PossibleDuplicate> duplicates, ClassificationJson classification) {
        EnterpriseDetails d = e.details();
        Identity i = d.identity();
        Place p = d.place();
        Business b = d.business();
        Campaign c = d.campaign();
        Map<String, EnterpriseJson.FactDetail> details = new LinkedHashMap<>();
        d.facts().values().forEach((fact, v) -> details.put(fact.jsonName(), detail(v)));
        d.facts().declared().forEach((name, v) -> details.put(name, detail(v)));
        var w = e.withdrawal();
        return new EnterpriseJson(e.id().value(), i.name(), i.creditCode(), e.creditCodeLegacy(), i.operator(), i.contactPerson(),
                i.contactPhone(), p.division().value(), names.fullName(p.division()), p.address(), p.longitude(), p.latitude(),
                b.industry() == null ? null : b.industry().name(), b.industry() == null ? null : b.industry().label(),
                b.industry() == null ? null : b.industry().group().name(),
                effectiveFlags ? Boolean.valueOf(b.isKeyIndustry()) : b.keyIndustry(),
                effectiveFlags ? Boolean.valueOf(b.isEightSmall()) : b.eightSmall(),
                b.products(), b.rawMaterials(), b.equipmentModels(), b.employees(), b.outputValue(),
                b.premises() == null ? null : b.premises().name(), b.landlord(), d.facts().asBooleans(), details,
                c.type().name(), c.discovery().name(), c.reportedOn(), c.remarks(), e.status().name(),
                w == null ? null : new EnterpriseJson.Withdrawal(w.reason().name(), w.reason().label(), w.note(), w.at(), w.by()),
                e.mergedInto() == null ? null : e.mergedInto().value(), e.version(), e.createdAt(), e.createdBy(),
                e.updatedAt(), e.updatedBy(), null, warnings, duplicates == null ? null : duplicates(duplicates), classification);
    }

    private static EnterpriseJson.FactDetail detail(FactValue v) {
        return new EnterpriseJson.FactDetail(v.source() == null ? null : v.source().name(),
                v.source() == null ? null : v.source().label(), v.asOf());
    }

    static List<EnterpriseJson.Duplicate> duplicates(List<PossibleDuplicate> list) {
        return list.stream().filter(d -> d.id() != null).map(d -> new EnterpriseJson.Duplicate(d.id().value(), d.name(),
                d.division() == null ? null : d.division().value(), d.address(),
                d.reasons().stream().map(Enum::name).toList(), d.reasons().stream().map(r -> r.label()).toList())).toList();
    }

    /**
     * The details the JSON describes.
     *
     * @param before the facts stored before (a fact whose answer changed without a given source becomes "登记填报, today")
     */
    static EnterpriseDetails toDetails(EnterpriseJson j, Facts before, List<FieldError> errors) {
        DivisionCode division = null;
        if (j.divisionCode() != null && !j.divisionCode().isBlank()) {
            try {
                division = DivisionCode.of(j.divisionCode());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("divisionCode", e.getMessage()));
            }
        }
        Industry industry = parse(Industry.class, j.industry(), "industry", "行业", errors);
        Premises premises = parse(Premises.class, j.premises(), "premises", "厂房性质（RENTED 租赁 / SELF_BUILT 自建）", errors);
        EnterpriseType type = parse(EnterpriseType.class, j.type(), "type", "企业类型（SLW 小散乱污 / EIGHT_SMALL 八小）", errors);
        Discovery discovery = parse(Discovery.class, j.discovery(), "discovery", "发现方式", errors);
        // the eleven facts of the forms and those a plan declares; a name neither knows is refused by the ledger's validation
        Facts facts = Facts.NONE;
        if (j.facts() != null) {
            for (var e : j.facts().entrySet()) {
                Boolean value = e.getValue();
                EnterpriseJson.FactDetail detail = j.factDetails() == null ? null : j.factDetails().get(e.getKey());
                FactValue old = before.get(e.getKey());
                if (value == null) {
                    continue;
                }
                if (detail != null && (detail.source() != null || detail.asOf() != null)) {
                    FactSource source = parse(FactSource.class, detail.source(), "factDetails." + e.getKey() + ".source",
                            "事实来源", errors);
                    facts = facts.with(e.getKey(), new FactValue(value, source, detail.asOf()));
                } else if (value.equals(old.value())) {
                    facts = facts.with(e.getKey(), old);
                } else {
                    facts = facts.with(e.getKey(), new FactValue(value, null, null));
                }
            }
        }
        return new EnterpriseDetails(
                new Identity(j.name(), j.creditCode(), j.operator(), j.contactPerson(), j.contactPhone()),
                new Place(division, j.address(), j.longitude(), j.latitude()),
                new Business(industry, j.keyIndustry(), j.eightSmall(), j.products(), j.rawMaterials(), j.equipmentModels(),
                        j.employees(), j.outputValue(), premises, j.landlord()),
                facts,
                new Campaign(type, discovery, j.reportedOn(), j.remarks()));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String label, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            errors.add(new FieldError(field, label + "“" + value + "”无效，可选：" + String.join("、", allowed)));
            return null;
        }
    }
}
