package org.qingyuan.ledger.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseStatus;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.Industry;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The SQL of the ledger list for one query: the scope condition always, then each filter.
 * A page selects the ids first (an index-only scan of {@code enterprise_list_idx} for the
 * usual filters), counting them in the same scan, and joins the 20 rows afterwards, so deep
 * pages stay cheap and the total costs no second scan. The text filter
 * narrows by character bigrams together with the scope's division token (one GIN lookup that
 * intersects both) and confirms with a substring match.
 */
final class ListSql {

    /** An unresolved possible duplicate whose other side is still in the ledger. */
    private static final String OPEN_DUPLICATE = """
            EXISTS (SELECT 1 FROM enterprise_duplicate d
                      JOIN enterprise o ON o.id = CASE WHEN d.enterprise_id = e.id THEN d.other_id ELSE d.enterprise_id END
                     WHERE d.status = 'OPEN' AND (d.enterprise_id = e.id OR d.other_id = e.id) AND o.status = 'ACTIVE')""";

    private final String where;
    /** The conditions but the text filter's, or null when there is no text filter. */
    private final String withoutText;
    private final String order;
    private final MapSqlParameterSource params;
    private final boolean walksInOrder;

    private ListSql(String where, String withoutText, String order, MapSqlParameterSource params, boolean walksInOrder) {
        this.where = where;
        this.withoutText = withoutText;
        this.walksInOrder = walksInOrder;
        this.order = order;
        this.params = params;
    }

    static ListSql of(EnterpriseQuery q, Scope scope) {
        return of(q, scope, java.util.Set.of());
    }

    /** The list inside the scope, without the enterprises hidden from a scope narrowed to grids. */
    static ListSql of(EnterpriseQuery q, Scope scope, java.util.Set<Long> hidden) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource p = new MapSqlParameterSource();
        conditions.add("e.division_code LIKE :prefix || '%'");
        // the same range again with the pattern operators, so that a generic (cached) plan can still use the index
        conditions.add("e.division_code ~>=~ :prefix AND e.division_code ~<~ :prefixEnd");
        p.addValue("prefix", scope.prefix());
        p.addValue("prefixEnd", successor(scope.prefix()));
        if (q.division() != null) {
            conditions.add("e.division_code LIKE :division || '%'");
            conditions.add("e.division_code ~>=~ :division AND e.division_code ~<~ :divisionEnd");
            p.addValue("division", q.division().prefix());
            p.addValue("divisionEnd", successor(q.division().prefix()));
        }
        String narrowest = q.division() != null ? q.division().prefix() : scope.prefix();
        if (narrowest.length() == 6 || narrowest.length() == 9) {
            // a district or a town: the same range once more, on the index that keeps its rows in list order
            conditions.add("left(e.division_code, " + narrowest.length() + ") = :level");
            p.addValue("level", narrowest);
        }
        if (!q.allStatuses()) {
            conditions.add("e.status = :status");
            p.addValue("status", (q.status() == null ? EnterpriseStatus.ACTIVE : q.status()).name());
        }
        if (q.type() != null) {
            conditions.add("e.enterprise_type = :type");
            p.addValue("type", q.type().name());
        }
        if (q.industry() != null) {
            conditions.add("e.industry = :industry");
            p.addValue("industry", q.industry().name());
        } else if (q.industryGroup() != null) {
            conditions.add("e.industry = ANY(:industries)");
            p.addValue("industries", Arrays.stream(Industry.values()).filter(i -> i.group() == q.industryGroup())
                    .map(Enum::name).toArray(String[]::new));
        }
        if (q.keyIndustry() != null) {
            conditions.add("e.key_industry = :keyIndustry");
            p.addValue("keyIndustry", q.keyIndustry());
        }
        if (q.eightSmall() != null) {
            conditions.add("e.eight_small = :eightSmall");
            p.addValue("eightSmall", q.eightSmall());
        }
        int yes = 0;
        int no = 0;
        int unknown = 0;
        for (var e : q.facts().entrySet()) {
            Fact fact = e.getKey();
            if (Boolean.TRUE.equals(e.getValue())) {
                yes |= fact.mask();
            } else if (Boolean.FALSE.equals(e.getValue())) {
                no |= fact.mask();
            } else {
                unknown |= fact.mask();
            }
        }
        if (yes != 0) {
            conditions.add("e.facts_yes & :yes = :yes");
            p.addValue("yes", yes);
        }
        if (no != 0) {
            conditions.add("e.facts_no & :no = :no");
            p.addValue("no", no);
        }
        if (unknown != 0) {
            conditions.add("(e.facts_yes | e.facts_no) & :unknown = 0");
            p.addValue("unknown", unknown);
        }
        if (q.discovery() != null) {
            conditions.add("e.discovery = :discovery");
            p.addValue("discovery", q.discovery().name());
        }
        if (q.reportedFrom() != null) {
            conditions.add("e.reported_on >= :reportedFrom");
            p.addValue("reportedFrom", q.reportedFrom());
        }
        if (q.reportedTo() != null) {
            conditions.add("e.reported_on <= :reportedTo");
            p.addValue("reportedTo", q.reportedTo());
        }
        if (q.openDuplicates()) {
            conditions.add(OPEN_DUPLICATE);
        }
        if (!hidden.isEmpty()) {
            conditions.add("NOT e.id = ANY(:hidden)");
            p.addValue("hidden", hidden.toArray(Long[]::new));
        }
        if (q.enterpriseIds() != null) {
            conditions.add("e.id = ANY(:enterpriseIds)");
            p.addValue("enterpriseIds", q.enterpriseIds().toArray(Long[]::new));
        }
        String withoutText = null;
        if (q.text() != null) {
            withoutText = String.join("\n   AND ", conditions);
            String[] terms = normalise(q.text()).split("\\s+");
            for (int i = 0; i < terms.length; i++) {
                String term = terms[i];
                if (term.isEmpty()) {
                    continue;
                }
                if (term.codePointCount(0, term.length()) >= 2) {
                    conditions.add("e.search_grams @> (ARRAY[CAST(:scopeToken AS text)] || qy_bigrams(:term" + i + "))");
                    p.addValue("scopeToken", "@" + (q.division() != null ? q.division().prefix() : scope.prefix()));
                }
                conditions.add("(normalize(lower(e.name), NFKC) LIKE :like" + i + " OR normalize(lower(coalesce(e.address, '')), NFKC) LIKE :like" + i + ")");
                p.addValue("term" + i, term);
                p.addValue("like" + i, "%" + escapeLike(term) + "%");
            }
        }
        String direction = q.descending() ? "DESC" : "ASC";
        String order = switch (q.sort()) {
            case REPORTED_ON -> "e.reported_on " + direction + ", e.id " + direction;
            case NAME -> "e.name " + direction + ", e.id " + direction;
            case EMPLOYEES -> "e.employees " + direction + " NULLS LAST, e.id " + direction;
            case UPDATED_AT -> "e.updated_at " + direction + ", e.id " + direction;
        };
        p.addValue("limit", q.size());
        p.addValue("offset", (long) q.page() * q.size());
        return new ListSql(String.join("\n   AND ", conditions), withoutText, order, p,
                p.hasValue("level") && q.sort() == org.qingyuan.ledger.EnterpriseQuery.Sort.REPORTED_ON);
    }

    /** True when a district's or town's index holds the rows in this list's order (the default, by report date). */
    boolean walksInOrder() {
        return walksInOrder;
    }

    /** The condition alone, on {@code enterprise e} (see {@link ListTotals}). */
    String where() {
        return where;
    }

    String count() {
        return "SELECT count(*) FROM enterprise e\n WHERE " + where;
    }

    /**
     * The question this list answers, without its page and order: equal for every page and sort of one question, and
     * different whenever a condition or a value differs (see {@link ListTotals}); null when its total may change without
     * a change to the enterprises (the open-duplicates condition reads the pairs), so that it is always counted.
     */
    String question() {
        if (where.contains(OPEN_DUPLICATE)) {
            return null;
        }
        StringBuilder b = new StringBuilder(where);
        new java.util.TreeMap<>(params.getValues()).forEach((name, value) -> {
            if (!name.equals("limit") && !name.equals("offset")) {
                b.append('\n').append(name).append('=')
                        .append(value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value));
            }
        });
        return b.toString();
    }

    /** One page with the question's total counted in the same scan, on every row. */
    String page() {
        return page("count(*) OVER ()");
    }

    /** One page alone, its total known already: the index is walked in list order and stops after the page. */
    String pageUncounted() {
        return page("0", where);
    }

    /**
     * One page of a text search whose matching enterprises are known already ({@code :matching}, see {@link ListTotals}):
     * the other conditions and the ids are read from {@code enterprise_list_idx} alone. The substring match needs each
     * row's name and address, so a common word (厂, 加工) would otherwise fetch every matching row of a district to sort
     * them; null without a text filter.
     */
    String pageAmong() {
        return withoutText == null ? null : page("0", withoutText + "\n   AND e.id = ANY(:matching)");
    }

    private String page(String total) {
        return page(total, where);
    }

    private String page(String total, String where) {
        return """
                WITH page AS (SELECT e.id, %s AS total FROM enterprise e
                 WHERE %s
                 ORDER BY %s
                 LIMIT :limit OFFSET :offset)
                SELECT e.id, e.name, e.credit_code, e.division_code, e.address, e.contact_person, e.contact_phone, e.industry,
                       e.key_industry, e.eight_small, e.employees, e.enterprise_type, e.discovery, e.reported_on, e.status,
                       e.facts_yes, e.facts_no, e.version,
                       %s AS open_duplicates, page.total,
                       cr.category AS cls_category, cr.measure_kind AS cls_measure_kind, cr.measure_label AS cls_measure_label,
                       co.measure_kind AS cls_override_kind, co.measure_label AS cls_override_label,
                       co.id IS NOT NULL AS cls_overridden, coalesce(ec.stale, false) AS cls_stale
                  FROM page JOIN enterprise e ON e.id = page.id
                  LEFT JOIN enterprise_classification ec ON ec.enterprise_id = e.id
                  LEFT JOIN classification_record cr ON cr.id = ec.current_id
                  LEFT JOIN classification_override co ON co.id = ec.override_id AND co.cleared_at IS NULL
                 ORDER BY %s
                """.formatted(total, where, order, OPEN_DUPLICATE, order);
    }

    /** Every matching row with the given columns, in list order, without paging (for exports). */
    String all(String columns) {
        return "SELECT " + columns + " FROM enterprise e\n WHERE " + where + "\n ORDER BY " + order;
    }

    MapSqlParameterSource params() {
        return params;
    }

    /** The form both sides of the text filter are compared in: NFKC (half-width), lower case. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /** The smallest code above every code with this prefix: "410108001" → "410108002". */
    static String successor(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
