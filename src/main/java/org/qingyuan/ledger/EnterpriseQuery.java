package org.qingyuan.ledger;

import java.time.LocalDate;
import java.util.Map;

import org.qingyuan.shared.DivisionCode;

/**
 * Filters, sorting and paging of the ledger list; null means "any". The caller's jurisdiction
 * is passed beside it, never inside it.
 *
 * @param division only enterprises in this division (must lie inside the caller's scope)
 * @param text Chinese substring of the name or the address
 * @param facts required answers per fact: true, false, or null for "unknown"
 * @param status ACTIVE by default; null together with {@code allStatuses} for every status
 * @param openDuplicates only those with an unresolved possible duplicate
 * @param page zero-based
 * @param enterpriseIds only these enterprises (a filter another module resolved, e.g. a grid's), or null for any
 */
public record EnterpriseQuery(DivisionCode division, String text, EnterpriseType type, Industry industry,
                              IndustryGroup industryGroup, Boolean keyIndustry, Boolean eightSmall,
                              Map<Fact, Boolean> facts, Discovery discovery, LocalDate reportedFrom, LocalDate reportedTo,
                              EnterpriseStatus status, boolean allStatuses, boolean openDuplicates, Sort sort,
                              boolean descending, int page, int size, java.util.Set<Long> enterpriseIds) {

    /** The largest page. */
    public static final int MAX_SIZE = 200;

    public EnterpriseQuery {
        facts = facts == null ? Map.of() : facts;
        sort = sort == null ? Sort.REPORTED_ON : sort;
        page = Math.max(0, page);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
        text = text == null || text.isBlank() ? null : text.strip();
        enterpriseIds = enterpriseIds == null ? null : java.util.Set.copyOf(enterpriseIds);
    }

    /** Every filter of the list but the enterprises another module selects. */
    public EnterpriseQuery(DivisionCode division, String text, EnterpriseType type, Industry industry,
                           IndustryGroup industryGroup, Boolean keyIndustry, Boolean eightSmall,
                           Map<Fact, Boolean> facts, Discovery discovery, LocalDate reportedFrom, LocalDate reportedTo,
                           EnterpriseStatus status, boolean allStatuses, boolean openDuplicates, Sort sort,
                           boolean descending, int page, int size) {
        this(division, text, type, industry, industryGroup, keyIndustry, eightSmall, facts, discovery, reportedFrom, reportedTo,
                status, allStatuses, openDuplicates, sort, descending, page, size, null);
    }

    /** The same query narrowed to the given enterprises (intersected with any narrowing already in it). */
    public EnterpriseQuery only(java.util.Collection<Long> ids) {
        java.util.Set<Long> narrowed = new java.util.HashSet<>(ids);
        if (enterpriseIds != null) {
            narrowed.retainAll(enterpriseIds);
        }
        return new EnterpriseQuery(division, text, type, industry, industryGroup, keyIndustry, eightSmall, facts, discovery,
                reportedFrom, reportedTo, status, allStatuses, openDuplicates, sort, descending, page, size, narrowed);
    }

    /** The first page of every active enterprise, newest first. */
    public static EnterpriseQuery all() {
        return new EnterpriseQuery(null, null, null, null, null, null, null, null, null, null, null, null, false, false,
                Sort.REPORTED_ON, true, 0, 20);
    }

    public EnterpriseQuery page(int number, int pageSize) {
        return new EnterpriseQuery(division, text, type, industry, industryGroup, keyIndustry, eightSmall, facts, discovery,
                reportedFrom, reportedTo, status, allStatuses, openDuplicates, sort, descending, number, pageSize, enterpriseIds);
    }

    /** Sort keys of the list; ties are broken by id. */
    public enum Sort {
        /** 上报时间. */
        REPORTED_ON,
        /** 企业名称 (by code point). */
        NAME,
        /** 用工人数. */
        EMPLOYEES,
        /** 最近修改. */
        UPDATED_AT
    }
}
