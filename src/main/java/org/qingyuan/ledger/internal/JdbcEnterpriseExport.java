package org.qingyuan.ledger.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Premises;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.ledger.EnterpriseExport;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseExport.FormRow;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Streams the list with a server-side cursor (PostgreSQL needs a transaction and a fetch size for that). */
@Component
class JdbcEnterpriseExport implements EnterpriseExport {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private static final int FETCH_SIZE = 2000;

    private final NamedParameterJdbcTemplate cursor;

    JdbcEnterpriseExport(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(template);
    }

    @Override
    @Transactional(readOnly = true)
    public long forEach(EnterpriseQuery query, Scope scope, Consumer<Enterprise> each) {
        check(query, scope);
        ListSql sql = ListSql.of(query, scope);
        long[] count = {0};
        cursor.query(sql.all(JdbcEnterprises.COLUMNS), sql.params(), (RowCallbackHandler) rs -> {
            each.accept(EnterpriseRows.enterprise(rs, (int) count[0]));
            count[0]++;
        });
        return count[0];
    }

    /** The columns of {@link #forEachForForms}, read by position. */
    private static final String FORM_COLUMNS = """
            e.id, e.name, e.credit_code, e.operator_name, e.contact_person, e.contact_phone, e.division_code, e.address,
            e.longitude, e.latitude, e.industry, e.key_industry_set, e.eight_small_set, e.products, e.raw_materials,
            e.equipment_models, e.employees, e.output_value, e.premises, e.landlord, e.facts_yes, e.facts_no,
            e.enterprise_type, e.discovery, e.reported_on, e.remarks
            """;

    @Override
    @Transactional(readOnly = true)
    public long forEachForForms(EnterpriseQuery query, Scope scope, Consumer<FormRow> each) {
        check(query, scope);
        ListSql sql = ListSql.of(query, scope);
        long[] count = {0};
        // a form lists thousands of enterprises of a few villages: one DivisionCode per village
        Map<String, DivisionCode> divisions = new HashMap<>();
        cursor.query(sql.all(FORM_COLUMNS), sql.params(), (RowCallbackHandler) rs -> {
            each.accept(new FormRow(new EnterpriseId(rs.getLong(1)), details(rs, divisions)));
            count[0]++;
        });
        return count[0];
    }

    /** The details of a row of {@link #FORM_COLUMNS}. */
    private static EnterpriseDetails details(java.sql.ResultSet rs, Map<String, DivisionCode> divisions) throws java.sql.SQLException {
        return new EnterpriseDetails(
                new Identity(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                new Place(divisions.computeIfAbsent(rs.getString(7), DivisionCode::of), rs.getString(8),
                        (Double) rs.getObject(9), (Double) rs.getObject(10)),
                new Business(EnterpriseRows.enumOf(Industry.class, rs.getString(11)), (Boolean) rs.getObject(12),
                        (Boolean) rs.getObject(13), rs.getString(14), rs.getString(15), rs.getString(16),
                        (Integer) rs.getObject(17), rs.getBigDecimal(18), EnterpriseRows.enumOf(Premises.class, rs.getString(19)),
                        rs.getString(20)),
                FactsJson.fromMasks(rs.getInt(21), rs.getInt(22)),
                new Campaign(EnterpriseType.valueOf(rs.getString(23)), Discovery.valueOf(rs.getString(24)),
                        rs.getObject(25, LocalDate.class), rs.getString(26)));
    }

    /** The old values of the fields changed after the instant: field → JSON value (null when the field was empty). */
    private static Map<String, tools.jackson.databind.JsonNode> old(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, tools.jackson.databind.JsonNode> old = new HashMap<>();
        JSON.readTree(json).properties().forEach(e -> old.put(e.getKey(), e.getValue()));
        return old;
    }

    @Override
    @Transactional(readOnly = true)
    public long forEachForFormsAsOf(DivisionCode division, java.time.Instant asOf, Scope scope, Consumer<FormRow> each) {
        if (!scope.covers(division) && !division.contains(scope.division())) {
            throw new InvalidInputException("division", "区划 " + division + " 不在您的辖区 " + scope.division() + " 内");
        }
        String prefix = scope.covers(division) ? division.prefix() : scope.prefix();
        Map<String, DivisionCode> divisions = new HashMap<>();
        java.util.List<FormRow> rows = new java.util.ArrayList<>();
        cursor.query("""
                        WITH known AS (SELECT enterprise_id FROM ledger_enterprise_as_of(:at, :prefix) WHERE active),
                        earliest AS (
                            SELECT DISTINCT ON (v.enterprise_id, c.key) v.enterprise_id, c.key, c.value -> 0 AS old
                              FROM enterprise_version v JOIN known k ON k.enterprise_id = v.enterprise_id,
                                   jsonb_each(v.changes) c
                             WHERE v.changed_at > :at
                             ORDER BY v.enterprise_id, c.key, v.version),
                        reverted AS (SELECT enterprise_id, jsonb_object_agg(key, old) AS old FROM earliest GROUP BY enterprise_id)
                        SELECT %s, r.old::text
                          FROM enterprise e JOIN known k ON k.enterprise_id = e.id LEFT JOIN reverted r ON r.enterprise_id = e.id
                        """.formatted(FORM_COLUMNS),
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("at", java.sql.Timestamp.from(asOf))
                        .addValue("prefix", prefix),
                (RowCallbackHandler) rs -> {
                    EnterpriseDetails details = EnterpriseReversal.revert(details(rs, divisions), old(rs.getString(27)));
                    rows.add(new FormRow(new EnterpriseId(rs.getLong(1)), details));
                });
        // the forms list the oldest first, by the reported date as it was then
        rows.sort(java.util.Comparator.comparing((FormRow r) -> r.details().campaign().reportedOn(),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).thenComparing(r -> r.id().value()));
        rows.forEach(each);
        return rows.size();
    }

    private static void check(EnterpriseQuery query, Scope scope) {
        if (query.division() != null && !scope.covers(query.division()) && !query.division().contains(scope.division())) {
            throw new InvalidInputException("division", "区划 " + query.division() + " 不在您的辖区 " + scope.division() + " 内");
        }
    }
}
