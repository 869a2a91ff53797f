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
 * again they cost no count; after a change that moves them (a case's state, a classification, an enterprise's status),
 * even one committed after the count, they equal a fresh count; a change elsewhere or to a name keeps them.
 */
@SpringBootTest
class KeptOverviewsTests {

    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));

    @Autowired MapQueries queries;
    @Autowired JdbcTemplate template;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    KeptOverviews keeper() {
        return new KeptOverviews(template, Duration.ofMinutes(10));
    }

    KeptOverviews.Figures count() {
        return new KeptOverviews.Figures(queries.counts(DISTRICT, 9), queries.workByPlace(DISTRICT, 9));
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
        return set(own.figures(DISTRICT, 9, LocalDate.now(ZoneId.of("Asia/Shanghai")), this::count));
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
            assertThat(own.counts()).as("a case closed out: counted again").isEqualTo(2);
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
        long before = own.counts();
        jdbc.sql("UPDATE enterprise SET status = 'WITHDRAWN', withdrawal_reason = '测试' WHERE id = :id").param("id", enterprise).update();
        try {
            assertThat(figures(own)).isEqualTo(fresh());
            assertThat(own.counts()).as("a classification and a status changed: counted again").isGreaterThan(before);
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
            assertThat(own.counts()).isEqualTo(2);
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
        assertThat(own.counts()).isEqualTo(2);
    }
}
