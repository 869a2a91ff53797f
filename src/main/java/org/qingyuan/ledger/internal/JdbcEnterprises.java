package org.qingyuan.ledger.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseSummary;
import org.qingyuan.shared.Page;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.shared.DivisionCode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.qingyuan.ledger.EnterpriseVisibility;
import org.springframework.stereotype.Repository;

/**
 * The {@code enterprise} table. Every read takes the caller's scope as an explicit
 * {@code division_code LIKE :prefix || '%'} condition.
 */
@Repository
class JdbcEnterprises {

    static final String COLUMNS = """
            e.id, e.name, e.credit_code, e.credit_code_legacy, e.operator_name, e.contact_person, e.contact_phone,
            e.division_code, e.address, e.longitude, e.latitude, e.industry, e.key_industry_set, e.eight_small_set,
            e.products, e.raw_materials, e.equipment_models, e.employees, e.output_value, e.premises, e.landlord,
            e.facts::text AS facts, e.enterprise_type, e.discovery, e.reported_on, e.remarks, e.status, e.withdrawal_reason,
            e.withdrawal_note, e.withdrawn_at, e.withdrawn_by, e.merged_into, e.version, e.created_at, e.created_by,
            e.updated_at, e.updated_by
            """;

    private static final String INSERT = """
            INSERT INTO enterprise (id, name, name_key, credit_code, credit_code_legacy, operator_name, contact_person,
                contact_phone, division_code, address, address_key, longitude, latitude, industry, key_industry, eight_small,
                key_industry_set, eight_small_set, products, raw_materials, equipment_models, employees, output_value,
                premises, landlord, facts, facts_yes, facts_no, enterprise_type, discovery, reported_on, remarks, version,
                created_at, created_by, updated_at, updated_by)
            VALUES (:id, :name, :nameKey, :creditCode, :creditCodeLegacy, :operator, :contactPerson, :contactPhone,
                :division, :address, :addressKey, :longitude, :latitude, :industry, :keyIndustry, :eightSmall,
                :keyIndustrySet, :eightSmallSet, :products, :rawMaterials, :equipmentModels, :employees, :outputValue,
                :premises, :landlord, CAST(:facts AS jsonb), :factsYes, :factsNo, :type, :discovery, :reportedOn, :remarks, 1,
                :at, :by, :at, :by)
            """;

    /**
     * A text search with at most this many matches ({@code qingyuan.ledger.search-among-at-most}, 5,000) reads its
     * page among their ids (planning an array costs about a microsecond per id); one with more, in a district or town,
     * walks the rows in list order.
     */
    private final int amongAtMost;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final org.springframework.beans.factory.ObjectProvider<EnterpriseVisibility> visibility;
    private final ListTotals totals;

    JdbcEnterprises(JdbcClient jdbc, NamedParameterJdbcTemplate named,
                    org.springframework.beans.factory.ObjectProvider<EnterpriseVisibility> visibility, ListTotals totals,
                    @org.springframework.beans.factory.annotation.Value("${qingyuan.ledger.search-among-at-most:5000}") int amongAtMost) {
        this.amongAtMost = amongAtMost;
        this.jdbc = jdbc;
        this.named = named;
        this.visibility = visibility;
        this.totals = totals;
    }

    /** The enterprises of the scope's division hidden from it (those of other grids, for a grid member). */
    java.util.Set<Long> hidden(Scope scope) {
        return EnterpriseVisibility.hidden(visibility.orderedStream().toList(), scope);
    }

    private Optional<Enterprise> visible(Optional<Enterprise> found, Scope scope) {
        return found.filter(e -> !scope.gridLimited() || !hidden(scope).contains(e.id().value()));
    }

    /** Reserves ids for new enterprises, one statement for any number. */
    /** ANALYZE of the enterprise table; in a transaction it counts that transaction's own new rows. */
    void analyze() {
        // the columns the list and export plans filter and sort on (the wide texts and the search grams cost most to sample)
        jdbc.sql("ANALYZE enterprise (division_code, status, reported_on, enterprise_type, industry)").update();
    }

    List<Long> nextIds(int count) {
        // the sequence is looked up once (OFFSET 0 keeps the subquery from being flattened into a lookup per id)
        return jdbc.sql("""
                        SELECT nextval(s.seq) FROM (SELECT CAST(pg_get_serial_sequence('enterprise', 'id') AS regclass) AS seq OFFSET 0) s,
                               generate_series(1, :n)
                        """).param("n", count).query(Long.class).list();
    }

    void insertAll(List<StoredEnterprise> rows, Instant at, String by) {
        if (rows.size() >= CopyRows.THRESHOLD) {
            copyAll(rows, at, by);
            return;
        }
        SqlParameterSource[] batch = rows.stream().map(r -> params(r).addValue("at", Timestamp.from(at)).addValue("by", by))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate(INSERT, batch);
    }

    /**
     * The same rows as {@link #INSERT}, through COPY, with their search tokens computed here (the
     * single-row path leaves them to the {@code enterprise_search_grams} trigger).
     */
    private void copyAll(List<StoredEnterprise> rows, Instant at, String by) {
        String when = java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC).toString();
        try (CopyRows copy = CopyRows.into(named.getJdbcTemplate().getDataSource(), "enterprise", COPY_COLUMNS)) {
            for (StoredEnterprise row : rows) {
                EnterpriseDetails d = row.details();
                Identity i = d.identity();
                Place p = d.place();
                Business b = d.business();
                Campaign c = d.campaign();
                copy.add(row.id()).add(i.name()).add(row.nameKey()).add(i.creditCode()).add(row.creditCodeLegacy())
                        .add(i.operator()).add(i.contactPerson()).add(i.contactPhone()).add(p.division().value()).add(p.address())
                        .add(row.addressKey()).add(p.longitude()).add(p.latitude())
                        .add(b.industry() == null ? null : b.industry().name()).add(b.isKeyIndustry()).add(b.isEightSmall())
                        .add(b.keyIndustry()).add(b.eightSmall()).add(b.products()).add(b.rawMaterials()).add(b.equipmentModels())
                        .add(b.employees()).add(b.outputValue() == null ? null : b.outputValue().toPlainString())
                        .add(b.premises() == null ? null : b.premises().name()).add(b.landlord())
                        .add(FactsJson.write(d.facts())).add(d.facts().yesMask()).add(d.facts().noMask())
                        .add(c.type().name()).add(c.discovery().name()).add(c.reportedOn()).add(c.remarks())
                        .add(1).add(when).add(by).add(when).add(by)
                        .add(SearchGrams.literal(SearchGrams.of(i.name(), p.address(), p.division().value()))).endRow();
            }
            copy.finish();
        }
    }

    /** The columns of {@link #copyAll}, in its order (those of {@link #INSERT} and the search tokens). */
    private static final String COPY_COLUMNS = """
            id, name, name_key, credit_code, credit_code_legacy, operator_name, contact_person, contact_phone, division_code, address,
            address_key, longitude, latitude, industry, key_industry, eight_small, key_industry_set, eight_small_set, products,
            raw_materials, equipment_models, employees, output_value, premises, landlord, facts, facts_yes, facts_no,
            enterprise_type, discovery, reported_on, remarks, version, created_at, created_by, updated_at, updated_by,
            search_grams""";

    /** Writes new details if the version still matches; false when somebody else saved first. */
    boolean update(StoredEnterprise row, int expectedVersion, Instant at, String by) {
        String sql = """
                UPDATE enterprise SET name = :name, name_key = :nameKey, credit_code = :creditCode,
                    credit_code_legacy = :creditCodeLegacy, operator_name = :operator, contact_person = :contactPerson,
                    contact_phone = :contactPhone, division_code = :division, address = :address, address_key = :addressKey,
                    longitude = :longitude, latitude = :latitude, industry = :industry, key_industry = :keyIndustry,
                    eight_small = :eightSmall, key_industry_set = :keyIndustrySet, eight_small_set = :eightSmallSet,
                    products = :products, raw_materials = :rawMaterials, equipment_models = :equipmentModels,
                    employees = :employees, output_value = :outputValue, premises = :premises, landlord = :landlord,
                    facts = CAST(:facts AS jsonb), facts_yes = :factsYes, facts_no = :factsNo, enterprise_type = :type,
                    discovery = :discovery, reported_on = :reportedOn, remarks = :remarks, version = version + 1,
                    updated_at = :at, updated_by = :by
                 WHERE id = :id AND version = :version
                """;
        return named.update(sql, params(row).addValue("version", expectedVersion)
                .addValue("at", Timestamp.from(at)).addValue("by", by)) == 1;
    }

    boolean withdraw(long id, int expectedVersion, WithdrawalReason reason, String note, Long mergedInto, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE enterprise SET status = 'WITHDRAWN', withdrawal_reason = :reason, withdrawal_note = :note,
                               withdrawn_at = :at, withdrawn_by = :by, merged_into = :mergedInto, version = version + 1,
                               updated_at = :at, updated_by = :by
                         WHERE id = :id AND version = :version AND status = 'ACTIVE'
                        """)
                .param("reason", reason.name()).param("note", note).param("at", Timestamp.from(at)).param("by", by)
                .param("mergedInto", mergedInto).param("id", id).param("version", expectedVersion).update() == 1;
    }

    /** Bumps the version for a change recorded only in the history (e.g. a confirmed-distinct pair). */
    boolean touch(long id, int expectedVersion, Instant at, String by) {
        return jdbc.sql("UPDATE enterprise SET version = version + 1, updated_at = :at, updated_by = :by WHERE id = :id AND version = :version")
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).param("version", expectedVersion).update() == 1;
    }

    Optional<Enterprise> find(long id, Scope scope) {
        return visible(jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.id = :id AND e.division_code LIKE :prefix || '%'")
                .param("id", id).param("prefix", scope.prefix()).query(EnterpriseRows::enterprise).optional(), scope);
    }

    /** Locks the row for the rest of the transaction. */
    Optional<Enterprise> lock(long id, Scope scope) {
        return visible(jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.id = :id AND e.division_code LIKE :prefix || '%' FOR UPDATE")
                .param("id", id).param("prefix", scope.prefix()).query(EnterpriseRows::enterprise).optional(), scope);
    }

    /** Ids of the records merged into this one, recursively. */
    List<Long> mergedInto(long id) {
        return jdbc.sql("""
                WITH RECURSIVE m(id) AS (SELECT id FROM enterprise WHERE merged_into = :id
                                         UNION SELECT e.id FROM enterprise e JOIN m ON e.merged_into = m.id)
                SELECT id FROM m
                """).param("id", id).query(Long.class).list();
    }

    /**
     * One page of the list. Runs inside the caller's read-only transaction, planned for the actual values each time:
     * a cached generic plan cannot know whether the scope is a village or a district, or how rare a search text is.
     */
    Page<EnterpriseSummary> search(EnterpriseQuery query, Scope scope) {
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        ListSql sql = ListSql.of(query, scope, hidden(scope));
        String question = sql.question();
        if (question != null) {
            long[] matching = totals.matching(question, sql.where(), sql.params());
            String among = sql.pageAmong();
            List<EnterpriseSummary> items;
            if (among == null) {
                items = named.query(sql.pageUncounted(), sql.params(), EnterpriseRows::summary);
            } else if (matching.length > amongAtMost && sql.walksInOrder()) {
                // most of the district or town matches: walking its rows in list order finds the page after a few rows,
                // which the planner cannot know (it guesses a substring match rare) and would fetch and sort every match
                jdbc.sql("SET LOCAL enable_sort = off").update();
                jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
                items = named.query(sql.pageUncounted(), sql.params(), EnterpriseRows::summary);
                jdbc.sql("SET LOCAL enable_sort = on").update();
                jdbc.sql("SET LOCAL enable_bitmapscan = on").update();
            } else {
                items = named.query(among, new MapSqlParameterSource(sql.params().getValues())
                        .addValue("matching", java.util.Arrays.stream(matching).boxed().toArray(Long[]::new)), EnterpriseRows::summary);
            }
            return new Page<>(items, query.page(), query.size(), matching.length);
        }
        long[] total = {0};
        List<EnterpriseSummary> items = named.query(sql.page(), sql.params(), (rs, i) -> {
            total[0] = rs.getLong("total");
            return EnterpriseRows.summary(rs, i);
        });
        if (items.isEmpty() && query.page() > 0) {
            // past the last page the window count has no row to ride on
            total[0] = named.queryForObject(sql.count(), sql.params(), Long.class);
        }
        return new Page<>(items, query.page(), query.size(), total[0]);
    }

    /**
     * The active candidates for duplicate checks: the same credit code anywhere, the same name
     * key in the same division, or the same house numbers in the same division (each an index
     * lookup, so a batch of thousands costs one query however large the ledger).
     *
     * @param nameKeys pairs of division code and name key
     * @param addressNumbers pairs of division code and the address key's house numbers
     */
    List<Candidate> candidates(Collection<String> creditCodes, List<String[]> nameKeys, List<String[]> addressNumbers) {
        if (creditCodes.isEmpty() && nameKeys.isEmpty() && addressNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT e.id, e.name, e.name_key, e.credit_code, e.division_code, e.address, e.address_key
                          FROM enterprise e
                         WHERE e.status = 'ACTIVE' AND e.credit_code = ANY(:codes)
                        UNION
                        SELECT e.id, e.name, e.name_key, e.credit_code, e.division_code, e.address, e.address_key
                          FROM unnest(CAST(:nameDivisions AS varchar[]), CAST(:names AS text[])) AS k(division, name_key)
                          JOIN enterprise e ON e.division_code = k.division AND e.name_key = k.name_key
                         WHERE e.status = 'ACTIVE'
                        UNION
                        SELECT e.id, e.name, e.name_key, e.credit_code, e.division_code, e.address, e.address_key
                          FROM unnest(CAST(:addressDivisions AS varchar[]), CAST(:numbers AS text[])) AS k(division, numbers)
                          JOIN enterprise e ON e.division_code = k.division AND e.address_key IS NOT NULL
                                           AND qy_address_numbers(e.address_key) = k.numbers
                         WHERE e.status = 'ACTIVE'
                        """)
                .param("codes", creditCodes.toArray(String[]::new))
                .param("nameDivisions", nameKeys.stream().map(p -> p[0]).toArray(String[]::new))
                .param("names", nameKeys.stream().map(p -> p[1]).toArray(String[]::new))
                .param("addressDivisions", addressNumbers.stream().map(p -> p[0]).toArray(String[]::new))
                .param("numbers", addressNumbers.stream().map(p -> p[1]).toArray(String[]::new))
                .query((rs, i) -> new Candidate(rs.getLong("id"), rs.getString("name"), rs.getString("name_key"),
                        rs.getString("credit_code"), DivisionCode.of(rs.getString("division_code")), rs.getString("address"),
                        rs.getString("address_key")))
                .list();
    }

    /** One stored record as the duplicate detector compares it. */
    record Candidate(long id, String name, String nameKey, String creditCode, DivisionCode division, String address,
                     String addressKey) {
    }

    private static MapSqlParameterSource params(StoredEnterprise row) {
        EnterpriseDetails d = row.details();
        Identity i = d.identity();
        Place p = d.place();
        Business b = d.business();
        Campaign c = d.campaign();
        return new MapSqlParameterSource()
                .addValue("id", row.id()).addValue("name", i.name()).addValue("nameKey", row.nameKey())
                .addValue("creditCode", i.creditCode()).addValue("creditCodeLegacy", row.creditCodeLegacy())
                .addValue("operator", i.operator()).addValue("contactPerson", i.contactPerson())
                .addValue("contactPhone", i.contactPhone()).addValue("division", p.division().value())
                .addValue("address", p.address()).addValue("addressKey", row.addressKey())
                .addValue("longitude", p.longitude()).addValue("latitude", p.latitude())
                .addValue("industry", b.industry() == null ? null : b.industry().name())
                .addValue("keyIndustry", b.isKeyIndustry()).addValue("eightSmall", b.isEightSmall())
                .addValue("keyIndustrySet", b.keyIndustry()).addValue("eightSmallSet", b.eightSmall())
                .addValue("products", b.products()).addValue("rawMaterials", b.rawMaterials())
                .addValue("equipmentModels", b.equipmentModels()).addValue("employees", b.employees())
                .addValue("outputValue", b.outputValue())
                .addValue("premises", b.premises() == null ? null : b.premises().name()).addValue("landlord", b.landlord())
                .addValue("facts", FactsJson.write(d.facts())).addValue("factsYes", d.facts().yesMask())
                .addValue("factsNo", d.facts().noMask()).addValue("type", c.type().name())
                .addValue("discovery", c.discovery().name()).addValue("reportedOn", c.reportedOn())
                .addValue("remarks", c.remarks());
    }
}
