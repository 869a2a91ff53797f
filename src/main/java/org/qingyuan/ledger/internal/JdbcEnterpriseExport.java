package org.qingyuan.ledger.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.qingyuan.ledger.FieldChange;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Premises;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.HashJoins;
import org.qingyuan.ledger.EnterpriseExport;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseExport.FormRow;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Streams the list with a server-side cursor (PostgreSQL needs a transaction and a fetch size for that). */
@Component
class JdbcEnterpriseExport implements EnterpriseExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int FETCH_SIZE = 2000;

    private final NamedParameterJdbcTemplate cursor;
    private final DataSource dataSource;
    private final JdbcEnterprises enterprises;

    JdbcEnterpriseExport(DataSource dataSource, JdbcEnterprises enterprises) {
        this.dataSource = dataSource;
        this.enterprises = enterprises;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(template);
    }

    @Override
    @Transactional(readOnly = true)
    public long forEach(EnterpriseQuery query, Scope scope, Consumer<Enterprise> each) {
        check(query, scope);
        ListSql sql = ListSql.of(query, scope, enterprises.hidden(scope));
        long[] count = {0};
        cursor.query(sql.all(JdbcEnterprises.COLUMNS), sql.params(), (RowCallbackHandler) rs -> {
            each.accept(EnterpriseRows.enterprise(rs, (int) count[0]));
            count[0]++;
        });
        return count[0];
    }

    /** The columns of {@link #forEachForForms}, read by position: {@value #FORM_COLUMN_COUNT} of them. */
    private static final String FORM_COLUMNS = """
            e.id, e.name, e.credit_code, e.operator_name, e.contact_person, e.contact_phone, e.division_code, e.address,
            e.longitude, e.latitude, e.industry, e.key_industry_set, e.eight_small_set, e.products, e.raw_materials,
            e.equipment_models, e.employees, e.output_value, e.premises, e.landlord, e.facts_yes, e.facts_no,
            e.enterprise_type, e.discovery, e.reported_on, e.remarks
            """;
    private static final int FORM_COLUMN_COUNT = 26;

    @Override
    @Transactional(readOnly = true)
    public long forEachForForms(EnterpriseQuery query, Scope scope, Consumer<FormRow> each) {
        check(query, scope);
        ListSql sql = ListSql.of(query, scope, enterprises.hidden(scope));
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

    /**
     * The enterprises in the ledger at {@code :at} whose division then lies under {@code :prefix} (the ledger's
     * {@code ledger_enterprise_as_of}), by their reported date then and id, each with its current form columns and the
     * changes of every version written after the instant, newest first (null when none). The registration is never
     * undone: an enterprise registered after the instant is not selected.
     */
    private static final String AS_OF = """
            WITH k AS (SELECT enterprise_id, reported_on FROM ledger_enterprise_as_of(:at, :prefix) WHERE active),
            later AS (
                SELECT v.enterprise_id, jsonb_agg(v.changes ORDER BY v.version DESC) AS changes
                  FROM enterprise_version v JOIN k ON k.enterprise_id = v.enterprise_id
                 WHERE v.changed_at > :at AND v.action <> 'REGISTERED'
                 GROUP BY v.enterprise_id)
            SELECT %s, later.changes::text
              FROM k JOIN enterprise e ON e.id = k.enterprise_id
              LEFT JOIN later ON later.enterprise_id = e.id
             ORDER BY k.reported_on, k.enterprise_id
            """.formatted(FORM_COLUMNS);

    @Override
    @Transactional(readOnly = true)
    public long forEachForFormsAsOf(DivisionCode division, Instant asOf, Scope scope, Consumer<FormRow> each) {
        check(division, scope);
        String prefix = scope.covers(division) ? division.prefix() : scope.prefix();
        long[] count = {0};
        Map<String, DivisionCode> divisions = new HashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("at", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC))
                .addValue("prefix", prefix);
        HashJoins.run(dataSource, () -> {
            cursor.query(AS_OF, params, (RowCallbackHandler) rs -> {
                EnterpriseDetails details = details(rs, divisions);
                String later = rs.getString(FORM_COLUMN_COUNT + 1);
                if (later != null) {
                    details = EnterpriseReversal.undo(details, versions(later));
                }
                each.accept(new FormRow(new EnterpriseId(rs.getLong(1)), details));
                count[0]++;
            });
            return null;
        });
        return count[0];
    }

    /** {@code [{field: [old, new]}, …]} → each version's changes, in the array's order. */
    private static List<List<FieldChange>> versions(String json) {
        List<List<FieldChange>> out = new ArrayList<>();
        for (JsonNode version : JSON.readTree(json)) {
            out.add(JdbcHistory.changes(version));
        }
        return out;
    }

    private static void check(EnterpriseQuery query, Scope scope) {
        if (query.division() != null) {
            check(query.division(), scope);
        }
    }

    /** A division neither inside the scope nor around it is refused (the same answer as the list's). */
    private static void check(DivisionCode division, Scope scope) {
        if (!scope.covers(division) && !division.contains(scope.division())) {
            throw new InvalidInputException("division", "区划 " + division + " 不在您的辖区 " + scope.division() + " 内");
        }
    }
}
