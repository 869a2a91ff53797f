package org.qingyuan.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.qingyuan.audit.AuditLog;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.platform.KilledMidCommit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** A node killed while a case step commits leaves the step, its evidence rows and its audit record all absent. */
@SpringBootTest
@AutoConfigureMockMvc
class CaseStepKillTests {

    @Autowired MockMvc mvc;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired AuditLog auditLog;

    int recordItem(long id, int version) throws Exception {
        var photo = CaseApiTests.photo(CaseFixtures.LAT + 0.0005, CaseFixtures.LON, Instant.now() /* not minutes earlier: after midnight in China that is the day before the case */);
        return mvc.perform(multipart("/api/v1/cases/" + id + "/items/" + Requirement.CLEAR_MATERIALS.name()).file(photo)
                        .param("version", Integer.toString(version)).param("note", "原料已清除")
                        .with(CaseApiTests.GRID).with(csrf()))
                .andReturn().getResponse().getStatus();
    }

    long count(String sql, long caseId) {
        return jdbc.sql(sql).param("id", caseId).query(Long.class).single();
    }

    long[] trace(long caseId) {
        return new long[] {
                count("SELECT count(*) FROM rectification_item WHERE case_id = :id AND requirement = 'CLEAR_MATERIALS'", caseId),
                count("SELECT count(*) FROM rectification_evidence WHERE case_id = :id", caseId),
                count("SELECT count(*) FROM evidence_attachment WHERE owner_type = 'RectificationCase' AND owner_id = :id", caseId),
                count("SELECT count(*) FROM rectification_step WHERE case_id = :id AND kind = 'ITEM_RECORDED'", caseId),
                count("SELECT count(*) FROM audit_record WHERE object_type = 'RectificationCase' AND object_id = CAST(:id AS text) AND outcome = 'SUCCESS'"
                        , caseId),
                count("SELECT version FROM rectification_case WHERE id = :id", caseId)};
    }

    @Test
    void aStepKilledAtItsCommitLeavesNoStepNoEvidenceNoAuditAndCanBeTakenAgain() throws Exception {
        CaseSummary opened = new CaseFixtures(mvc, policies, events, tx, cases).open(CaseApiTests.VILLAGE, "huiji-2017",
                CaseFixtures.SHUTDOWN, null, Map.of(DeadlineKind.DEMOLISH, LocalDate.now().plusDays(30)));
        long id = opened.id();
        int version = (int) count("SELECT version FROM rectification_case WHERE id = :id", id);
        long[] before = trace(id);
        assertThat(before[0] + before[1] + before[2] + before[3]).isZero();

        CompletableFuture<Integer> step;
        try (KilledMidCommit chain = KilledMidCommit.holdAuditChain(dataSource)) {
            step = CompletableFuture.supplyAsync(() -> {
                try {
                    return recordItem(id, version);
                } catch (Exception e) {
                    return -1;
                }
            });
            assertThat(chain.killUntilDone(step, 30)).isNotEmpty();
            assertThat(step.get(30, TimeUnit.SECONDS)).as("the killed step did not succeed").isNotEqualTo(200);
        }
        assertThat(trace(id)).as("item, evidence, attachment, step, audit, version").containsExactly(before);

        assertThat(recordItem(id, version)).as("the same step, taken again").isEqualTo(200);
        long[] after = trace(id);
        assertThat(after[0]).isEqualTo(1);
        assertThat(after[1]).isPositive();
        assertThat(after[2]).isPositive();
        assertThat(after[3]).isEqualTo(1);
        assertThat(after[4]).isGreaterThan(before[4]);
        assertThat(after[5]).isEqualTo(version + 1);
        assertThat(auditLog.verify().intact()).isTrue();
    }
}
