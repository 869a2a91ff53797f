package org.qingyuan.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditLog;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.platform.KilledMidCommit;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node killed while a classification batch commits leaves every enterprise of the batch as it was (stale, its old
 * classification, its case untouched); the next run classifies them all, and the records, the cases and the audit
 * chain agree.
 */
@SpringBootTest
class ClassificationBatchKillTests {

    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));

    @Autowired Ledger ledger;
    @Autowired ClassificationWorker worker;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired AuditLog auditLog;

    static Facts missingEia() {
        Map<Fact, FactValue> facts = new EnumMap<>(Fact.class);
        LocalDate asOf = LocalDate.of(2026, 3, 1);
        facts.put(Fact.CONFORMS_TO_PLANNING, new FactValue(true, FactSource.INSPECTION, asOf));
        facts.put(Fact.HAS_EIA_APPROVAL, new FactValue(false, FactSource.INSPECTION, asOf));
        for (Fact fact : List.of(Fact.HAS_FIRE_APPROVAL, Fact.HAS_PLANNING_APPROVAL, Fact.HAS_BUSINESS_LICENCE)) {
            facts.put(fact, new FactValue(true, FactSource.INSPECTION, asOf));
        }
        for (Fact fact : List.of(Fact.EMISSIONS_OVER_STANDARD, Fact.HAS_ILLEGAL_BUILDINGS, Fact.HAS_SAFETY_HAZARD)) {
            facts.put(fact, new FactValue(false, FactSource.INSPECTION, asOf));
        }
        return new Facts(facts);
    }

    long register() {
        return ledger.register(new EnterpriseDetails(
                new EnterpriseDetails.Identity("分类中断测试厂" + System.nanoTime(), null, null, null, null),
                new EnterpriseDetails.Place(DivisionCode.of("410108001001"), null, 113.62, 34.85),
                new EnterpriseDetails.Business(Industry.GARMENT, null, null, null, null, null, null, null, null, null),
                missingEia(), new EnterpriseDetails.Campaign(EnterpriseType.SLW, Discovery.PATROL, LocalDate.of(2026, 2, 1), null)),
                null, DISTRICT).id().value();
    }

    /** Per enterprise: stale, has a current record, its records, its case's state. */
    List<String> state(List<Long> ids) {
        List<String> out = new ArrayList<>();
        for (long id : ids) {
            out.add(jdbc.sql("""
                            SELECT ec.stale || '/' || (ec.current_id IS NOT NULL) || '/'
                                || (SELECT count(*) FROM classification_record r WHERE r.enterprise_id = ec.enterprise_id) || '/'
                                || (SELECT c.state FROM rectification_case c WHERE c.enterprise_id = ec.enterprise_id)
                              FROM enterprise_classification ec WHERE ec.enterprise_id = :id""")
                    .param("id", id).query(String.class).single());
        }
        return out;
    }

    @Test
    void aBatchKilledAtItsCommitChangesNothingAndTheNextRunClassifiesEveryEnterprise() throws Exception {
        List<Long> ids = List.of(register(), register(), register());
        worker.drain();
        List<String> before;
        try (KilledMidCommit chain = KilledMidCommit.holdAuditChain(dataSource)) {
            // as after an import (never classified) whose cases must open again: the batch will write records and cases
            jdbc.sql("UPDATE rectification_case SET state = 'WITHDRAWN' WHERE enterprise_id IN (:ids)").param("ids", ids).update();
            jdbc.sql("UPDATE enterprise_classification SET stale = true, stale_reason = '中断演练', current_id = NULL"
                    + " WHERE enterprise_id IN (:ids)").param("ids", ids).update();
            before = state(ids);
            CompletableFuture<Integer> batch = CompletableFuture.supplyAsync(worker::drain);
            assertThat(chain.killUntilDone(batch, 30)).isNotEmpty();
            batch.get(30, TimeUnit.SECONDS);
            assertThat(state(ids)).as("stale/current/records/case after the kill").isEqualTo(before);
        }
        assertThat(before).allMatch(s -> s.startsWith("true/false/1/WITHDRAWN"));

        assertThat(worker.drain()).isGreaterThanOrEqualTo(3);
        assertThat(state(ids)).as("every enterprise classified once more, its case open again")
                .allMatch(s -> s.startsWith("false/true/2/") && !s.endsWith("WITHDRAWN"));
        long dangling = jdbc.sql("""
                        SELECT count(*) FROM enterprise_classification ec JOIN classification_record r ON r.id = ec.current_id
                         WHERE ec.enterprise_id IN (:ids) AND r.enterprise_id <> ec.enterprise_id""")
                .param("ids", ids).query(Long.class).single();
        assertThat(dangling).isZero();
        assertThat(auditLog.verify().intact()).isTrue();
    }
}
