package org.qingyuan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A home page's figures are kept while nothing in the jurisdiction changed since the snapshot before their count: asked
 * again they cost no count; after a change that moves them (a case's state, a classification, an enterprise's status or
 * village), even one committed after the count, only the changed villages are counted again and the figures equal a
 * fresh count of the whole jurisdiction in one grouped statement; a change elsewhere or to a name keeps them; a table
 * emptied or more villages changed than {@link KeptOverviews#MAX_RECOUNTED} count the whole jurisdiction again.
 */
@SpringBootTest
class KeptOverviewsTests {

    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));

    @Autowired MapQueries queries;
    @Autowired JdbcTemplate template;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired MapProperties properties;

    KeptOverviews keeper() {
        return new KeptOverviews(template, Duration.ofMinutes(10));
    }

    /**
     * The oracle: the district's figures counted whole in one statement, each grouping by SQL's GROUPING SETS, the open
     * work per town in another (the home page counted them so before its figures were kept per village).
     */
    KeptOverviews.Figures count() {
        LocalDate today = queries.today();
        String open = org.qingyuan.rectification.CaseState.openSql("s.state");
        var counts = jdbc.sql("""
                        SELECT CASE WHEN GROUPING(substr(s.division_code, 1, 9)) = 0 THEN 'place'
                                    WHEN GROUPING(s.category) = 0 THEN 'category'
                                    WHEN GROUPING(s.measure) = 0 THEN 'measure'
                                    WHEN GROUPING(s.state) = 0 THEN 'state' ELSE 'total' END,
                               coalesce(substr(s.division_code, 1, 9), s.category, s.measure, s.state),
                               CASE WHEN GROUPING(s.category) = 0 THEN max(s.category_label) END,
                               count(*),
                               count(*) FILTER (WHERE s.state IS NOT NULL AND s.state <> 'WITHDRAWN'),
                               count(*) FILTER (WHERE s.state = 'CLOSED_OUT'),
                               count(*) FILTER (WHERE %1$s AND s.deadline < :today)
                          FROM map_site s WHERE s.division_code LIKE '410108%%'
                         GROUP BY GROUPING SETS ((substr(s.division_code, 1, 9)), (s.category), (s.measure), (s.state), ())
                        """.formatted(open)).param("today", today)
                .query((rs, i) -> new MapQueries.Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7))).list();
        var work = jdbc.sql("""
                        SELECT substr(s.division_code, 1, 9), count(*) FILTER (WHERE %1$s AND s.deadline < :today),
                               count(*) FILTER (WHERE %1$s AND s.deadline BETWEEN :today AND :soon)
                          FROM map_site s WHERE s.division_code LIKE '410108%%' AND s.state IS NOT NULL GROUP BY 1
                        """.formatted(open)).param("today", today).param("soon", today.plusDays(properties.dueSoonDays()))
                .query((rs, i) -> new MapQueries.WorkByPlace(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        return new KeptOverviews.Figures(counts, work);
    }

    /** The figures as a set: a grouped count's rows come in no fixed order. */
    static java.util.Set<Object> set(KeptOverviews.Figures f) {
        java.util.Set<Object> rows = new java.util.HashSet<>(f.counts());
        rows.addAll(f.work());
        return rows;
    }

    java.util.Set<Object> fresh() {
        return set(count());
    }

    java.util.Set<Object> figures(KeptOverviews own) {
        return set(own.figures(DISTRICT, 9, LocalDate.now(ZoneId.of("Asia/Shanghai")),
                (divisions, enterprises) -> queries.sites(DISTRICT, divisions, enterprises)));
    }

    long caseOfTheDistrict(String state) {
        return jdbc.sql("SELECT min(c.id) FROM rectification_case c JOIN enterprise e ON e.id = c.enterprise_id"
                + " WHERE e.division_code LIKE '410108%' AND c.state = :state").param("state", state).query(Long.class).single();
    }

    void setState(long caseId, String state) {
        jdbc.sql("UPDATE rectification_case SET state = :state WHERE id = :id").param("state", state).param("id", caseId).update();
    }

    @Test
    void keptWhileNothingChangesAndCountedAgainAfterEachKindOfChange() {
        KeptOverviews own = keeper();
        java.util.Set<Object> first = figures(own);
        assertThat(figures(own)).isEqualTo(first);
        assertThat(own.counts()).as("kept").isEqualTo(1);

        long enterprise = jdbc.sql("SELECT min(id) FROM enterprise WHERE division_code LIKE '410108%' AND status = 'ACTIVE'")
                .query(Long.class).single();
        jdbc.sql("UPDATE enterprise SET contact_person = coalesce(contact_person, '') || '' WHERE id = :id").param("id", enterprise).update();
        jdbc.sql("INSERT INTO map_change (division_code) VALUES ('650105001001')").update();
        assertThat(figures(own)).isEqualTo(first);
        assertThat(own.counts()).as("a contact edited, a change in another district: kept").isEqualTo(1);

        long open = caseOfTheDistrict("IN_PROGRESS");
        setState(open, "CLOSED_OUT");
        try {
            java.util.Set<Object> closed = figures(own);
            assertThat(closed).isNotEqualTo(first).isEqualTo(fresh());
            assertThat(own.counts()).as("a case closed out: its village counted again, not the district").isEqualTo(1);
            assertThat(own.recounts()).isEqualTo(1);
        } finally {
            setState(open, "IN_PROGRESS");
        }
        assertThat(figures(own)).isEqualTo(first);

        Long override = jdbc.sql("SELECT override_id FROM enterprise_classification WHERE enterprise_id = :id").param("id", enterprise)
                .query(Long.class).optional().orElse(null);
        Long current = jdbc.sql("SELECT current_id FROM enterprise_classification WHERE enterprise_id = :id").param("id", enterprise)
                .query(Long.class).optional().orElse(null);
        jdbc.sql("UPDATE enterprise_classification SET current_id = NULL WHERE enterprise_id = :id").param("id", enterprise).update();
        try {
            assertThat(figures(own)).isEqualTo(fresh());
        } finally {
            jdbc.sql("UPDATE enterprise_classification SET current_id = :current, override_id = :override WHERE enterprise_id = :id")
                    .param("current", current).param("override", override).param("id", enterprise).update();
        }
        long before = own.recounts();
        jdbc.sql("UPDATE enterprise SET status = 'WITHDRAWN', withdrawal_reason = '测试' WHERE id = :id").param("id", enterprise).update();
        try {
            assertThat(figures(own)).isEqualTo(fresh());
            assertThat(own.recounts()).as("a classification and a status changed: counted again").isGreaterThan(before);
        } finally {
            jdbc.sql("UPDATE enterprise SET status = 'ACTIVE', withdrawal_reason = NULL WHERE id = :id").param("id", enterprise).update();
        }
        assertThat(figures(own)).as("and back").isEqualTo(first).isEqualTo(fresh());
    }

    @Test
    void aWriteThatCommitsAfterTheCountShowsOnTheNextAsk() throws Exception {
        KeptOverviews own = keeper();
        long open = caseOfTheDistrict("IN_PROGRESS");
        var late = org.qingyuan.support.LateCommit.written(tx, () -> setState(open, "CLOSED_OUT"));
        java.util.Set<Object> before = figures(own);
        late.commit();
        try {
            assertThat(figures(own)).as("committed after the figures were kept").isNotEqualTo(before).isEqualTo(fresh());
            assertThat(own.counts() + own.recounts()).isEqualTo(2);
        } finally {
            setState(open, "IN_PROGRESS");
        }
    }

    @Test
    void figuresReadInsideAWritingTransactionAreNotKept() {
        KeptOverviews own = keeper();
        java.util.Set<Object> before = figures(own);
        long open = caseOfTheDistrict("IN_PROGRESS");
        tx.executeWithoutResult(s -> {
            setState(open, "CLOSED_OUT");
            assertThat(figures(own)).as("its own write").isNotEqualTo(before);
            s.setRollbackOnly();
        });
        assertThat(figures(own)).as("rolled back").isEqualTo(before);
    }

    @Test
    void anEnterpriseRegisteredInTheDistrictIsCounted() {
        KeptOverviews own = keeper();
        java.util.Set<Object> before = figures(own);
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    INSERT INTO enterprise (name, name_key, division_code, address, enterprise_type, discovery, reported_on,
                                            created_at, created_by, updated_at, updated_by)
                    VALUES ('新登记测试厂', 'xindengjiceshichang', '410108001001', '测试路1号', 'SLW', 'PATROL', current_date,
                            now(), 'test', now(), 'test')
                    """).update();
            assertThat(figures(own)).as("the insert's village recorded: counted again").isNotEqualTo(before).isEqualTo(fresh());
            s.setRollbackOnly();
        });
        assertThat(figures(own)).isEqualTo(before);
        assertThat(own.counts()).isEqualTo(1);
    }

    @Test
    void anEnterpriseMovedToAnotherTownIsCountedInItsNewTownOnly() {
        KeptOverviews own = keeper();
        java.util.Set<Object> before = figures(own);
        var moved = jdbc.sql("""
                        SELECT e.id, e.division_code FROM enterprise e JOIN rectification_case c ON c.enterprise_id = e.id
                         WHERE e.division_code LIKE '410108001%' AND c.state = 'IN_PROGRESS' ORDER BY e.id LIMIT 1
                        """).query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        String elsewhere = jdbc.sql("SELECT min(division_code) FROM enterprise WHERE division_code LIKE '410108%' AND division_code NOT LIKE '410108001%'")
                .query(String.class).single();
        jdbc.sql("UPDATE enterprise SET division_code = :to WHERE id = :id").param("to", elsewhere).param("id", moved[0]).update();
        try {
            assertThat(figures(own)).as("both villages counted again").isNotEqualTo(before).isEqualTo(fresh());
            assertThat(own.counts()).isEqualTo(1);
            assertThat(own.recounts()).isEqualTo(1);
        } finally {
            jdbc.sql("UPDATE enterprise SET division_code = :to WHERE id = :id").param("to", moved[1]).param("id", moved[0]).update();
        }
        assertThat(figures(own)).as("and back").isEqualTo(before).isEqualTo(fresh());
    }

    @Test
    void aSmallStatementRecordsItsEnterprisesALargeOneItsVillages() {
        KeptOverviews own = keeper();
        java.util.Set<Object> before = figures(own);
        long open = caseOfTheDistrict("IN_PROGRESS");
        long enterprise = jdbc.sql("SELECT enterprise_id FROM rectification_case WHERE id = :id").param("id", open)
                .query(Long.class).single();
        long xid = tx.execute(s -> {
            setState(open, "CLOSED_OUT");
            return jdbc.sql("SELECT pg_current_xact_id()::text::bigint").query(Long.class).single();
        });
        try {
            assertThat(jdbc.sql("SELECT enterprise_id FROM map_change WHERE xid = CAST(CAST(:x AS text) AS xid8)").param("x", xid)
                    .query(Long.class).list()).as("one case: its enterprise").containsExactly(enterprise);
            assertThat(figures(own)).isNotEqualTo(before).isEqualTo(fresh());
        } finally {
            setState(open, "IN_PROGRESS");
        }
        long cases = jdbc.sql("SELECT count(*) FROM rectification_case c JOIN enterprise e ON e.id = c.enterprise_id"
                + " WHERE e.division_code LIKE '410108%' AND c.deadline IS NOT NULL").query(Long.class).single();
        assertThat(cases).as("the demo district has enough cases for a large statement").isGreaterThan(200);
        long large = tx.execute(s -> {
            jdbc.sql("""
                    UPDATE rectification_case c SET deadline = c.deadline - 40 FROM enterprise e
                     WHERE e.id = c.enterprise_id AND e.division_code LIKE '410108%' AND c.deadline IS NOT NULL
                    """).update();
            return jdbc.sql("SELECT pg_current_xact_id()::text::bigint").query(Long.class).single();
        });
        try {
            assertThat(jdbc.sql("SELECT count(*) FROM map_change WHERE xid = CAST(CAST(:x AS text) AS xid8) AND enterprise_id IS NOT NULL")
                    .param("x", large).query(Long.class).single()).as("a large statement: villages only").isZero();
            assertThat(figures(own)).as("its villages read again whole").isNotEqualTo(before).isEqualTo(fresh());
        } finally {
            jdbc.sql("""
                    UPDATE rectification_case c SET deadline = c.deadline + 40 FROM enterprise e
                     WHERE e.id = c.enterprise_id AND e.division_code LIKE '410108%' AND c.deadline IS NOT NULL
                    """).update();
        }
        assertThat(figures(own)).isEqualTo(before).isEqualTo(fresh());
        assertThat(own.counts()).as("never counted whole again").isEqualTo(1);
        assertThat(own.recounts()).as("the close-out, the large update with the reopening, and its undoing").isEqualTo(3);
    }

    @Test
    void aTruncationOrManyChangedVillagesCountTheWholeJurisdictionAgain() {
        KeptOverviews own = keeper();
        java.util.Set<Object> before = figures(own);
        tx.executeWithoutResult(s -> jdbc.sql("INSERT INTO map_change (division_code) VALUES ('*')").update());
        assertThat(figures(own)).isEqualTo(before);
        assertThat(own.counts()).as("a table emptied somewhere").isEqualTo(2);
        tx.executeWithoutResult(s -> jdbc.sql("""
                INSERT INTO map_change (division_code)
                SELECT '410108' || lpad(g::text, 6, '0') FROM generate_series(1, :n) g
                """).param("n", KeptOverviews.MAX_RECOUNTED + 1).update());
        assertThat(figures(own)).isEqualTo(before).isEqualTo(fresh());
        assertThat(own.counts()).as("more villages changed than are worth counting one by one").isEqualTo(3);
        assertThat(own.recounts()).isZero();
    }
}
