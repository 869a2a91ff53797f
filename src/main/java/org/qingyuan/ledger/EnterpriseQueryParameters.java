package org.qingyuan.ledger;

import static org.qingyuan.shared.RequestValues.blank;
import static org.qingyuan.shared.RequestValues.bool;
import static org.qingyuan.shared.RequestValues.date;
import static org.qingyuan.shared.RequestValues.enumOf;
import static org.qingyuan.shared.RequestValues.nonNegative;

import java.util.EnumMap;
import java.util.Map;

import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;

/**
 * The ledger's query parameters, bound in one place for the list page, the list API and the exports: {@code division,
 * q, type, industry, industryGroup, keyIndustry, eightSmall, <fact>=true|false|unknown, discovery, reportedFrom,
 * reportedTo, status=ACTIVE|WITHDRAWN|ALL, duplicates=open, sort, order} and, for a list, {@code page, size}.
 */
public final class EnterpriseQueryParameters {

    private EnterpriseQueryParameters() {
    }

    /** One page of the list; newest first unless sorted by name. */
    public static EnterpriseQuery list(Map<String, String> p) {
        EnterpriseQuery.Sort sort = sort(p);
        String order = p.getOrDefault("order", "");
        boolean descending = order.isBlank() ? sort != EnterpriseQuery.Sort.NAME : "desc".equalsIgnoreCase(order);
        return query(p, sort, descending, nonNegative("page", p.get("page"), 0), nonNegative("size", p.get("size"), 20));
    }

    /** Everything the filters select, for an export: the official forms list the oldest first, as they were reported. */
    public static EnterpriseQuery export(Map<String, String> p) {
        return query(p, sort(p), "desc".equalsIgnoreCase(p.getOrDefault("order", "")), 0, EnterpriseQuery.MAX_SIZE);
    }

    private static EnterpriseQuery query(Map<String, String> p, EnterpriseQuery.Sort sort, boolean descending, int page, int size) {
        DivisionCode division = blank(p.get("division")) ? null : InvalidInputException.divisionCode("division", p.get("division"));
        String status = p.getOrDefault("status", "");
        boolean all = "ALL".equalsIgnoreCase(status);
        return new EnterpriseQuery(division, p.get("q"), enumOf(EnterpriseType.class, "type", p.get("type")),
                enumOf(Industry.class, "industry", p.get("industry")),
                enumOf(IndustryGroup.class, "industryGroup", p.get("industryGroup")),
                bool("keyIndustry", p.get("keyIndustry")), bool("eightSmall", p.get("eightSmall")), facts(p),
                enumOf(Discovery.class, "discovery", p.get("discovery")), date("reportedFrom", p.get("reportedFrom")),
                date("reportedTo", p.get("reportedTo")),
                all || blank(status) ? null : enumOf(EnterpriseStatus.class, "status", status), all,
                "open".equals(p.get("duplicates")), sort, descending, page, size);
    }

    private static Map<Fact, Boolean> facts(Map<String, String> p) {
        Map<Fact, Boolean> facts = new EnumMap<>(Fact.class);
        for (Fact fact : Fact.values()) {
            String v = p.get(fact.jsonName());
            if (!blank(v)) {
                switch (v.strip()) {
                    case "true", "yes", "1" -> facts.put(fact, true);
                    case "false", "no", "0" -> facts.put(fact, false);
                    case "unknown", "null" -> facts.put(fact, null);
                    default -> throw new InvalidInputException(fact.jsonName(), fact.label() + "的筛选值应为 true、false 或 unknown");
                }
            }
        }
        return facts;
    }

    private static EnterpriseQuery.Sort sort(Map<String, String> p) {
        return switch (p.getOrDefault("sort", "")) {
            case "", "reportedOn" -> EnterpriseQuery.Sort.REPORTED_ON;
            case "name" -> EnterpriseQuery.Sort.NAME;
            case "employees" -> EnterpriseQuery.Sort.EMPLOYEES;
            case "updatedAt" -> EnterpriseQuery.Sort.UPDATED_AT;
            default -> throw new InvalidInputException("sort", "排序字段应为 reportedOn、name、employees 或 updatedAt");
        };
    }
}
