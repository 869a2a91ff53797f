package org.qingyuan.sheets.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseStatus;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.IndustryGroup;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;

/**
 * The ledger filters of an export, with the ledger list's parameter names: {@code division, q,
 * type, industry, industryGroup, keyIndustry, eightSmall, <fact>=true|false|unknown, discovery,
 * reportedFrom, reportedTo, status=ACTIVE|WITHDRAWN|ALL, duplicates=open, sort, order}.
 */
final class ExportFilters {

    private ExportFilters() {
    }

    static EnterpriseQuery parse(Map<String, String> p) {
        DivisionCode division = blank(p.get("division")) ? null : InvalidInputException.divisionCode("division", p.get("division"));
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
        String status = p.getOrDefault("status", "");
        boolean all = "ALL".equalsIgnoreCase(status);
        EnterpriseQuery.Sort sort = switch (p.getOrDefault("sort", "")) {
            case "", "reportedOn" -> EnterpriseQuery.Sort.REPORTED_ON;
            case "name" -> EnterpriseQuery.Sort.NAME;
            case "employees" -> EnterpriseQuery.Sort.EMPLOYEES;
            case "updatedAt" -> EnterpriseQuery.Sort.UPDATED_AT;
            default -> throw new InvalidInputException("sort", "排序字段应为 reportedOn、name、employees 或 updatedAt");
        };
        // the official forms list the oldest first, as they were reported
        boolean descending = "desc".equalsIgnoreCase(p.getOrDefault("order", ""));
        return new EnterpriseQuery(division, p.get("q"), enumOf(EnterpriseType.class, p.get("type"), "type"),
                enumOf(Industry.class, p.get("industry"), "industry"),
                enumOf(IndustryGroup.class, p.get("industryGroup"), "industryGroup"),
                bool(p.get("keyIndustry"), "keyIndustry"), bool(p.get("eightSmall"), "eightSmall"), facts,
                enumOf(Discovery.class, p.get("discovery"), "discovery"), date(p.get("reportedFrom"), "reportedFrom"),
                date(p.get("reportedTo"), "reportedTo"),
                all || blank(status) ? null : enumOf(EnterpriseStatus.class, status, "status"), all,
                "open".equals(p.get("duplicates")), sort, descending, 0, EnterpriseQuery.MAX_SIZE);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "参数 " + field + " 的值“" + value + "”无效");
        }
    }

    private static Boolean bool(String value, String field) {
        if (blank(value)) {
            return null;
        }
        return switch (value.strip()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidInputException(field, "参数 " + field + " 应为 true 或 false");
        };
    }

    private static LocalDate date(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "参数 " + field + " 应为日期，如 2026-03-01");
        }
    }
}
