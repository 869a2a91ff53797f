package org.qingyuan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qingyuan.audit.AuditTrail.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit module on its own (no access module: the actor is the platform): a record commits with its change or not
 * at all, a failure survives the caller's rollback, and the chain stays intact.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class AuditModuleTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditLog log;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aRecordCommitsWithItsTransactionOrNotAtAll() {
        String committed = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();

        transactions.executeWithoutResult(tx -> trail.record(new AuditEvent("TEST_DONE", "Test", committed, "测试",
                Map.of("field", List.of("旧", "新")))));
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            trail.record(AuditEvent.of("TEST_DONE", "Test", rolledBack));
            throw new IllegalStateException("the change fails");
        })).hasMessage("the change fails");

        assertThat(log.forObject("Test", committed)).singleElement().satisfies(e -> {
            assertThat(e.username()).isEqualTo("system");
            assertThat(e.outcome()).isEqualTo("SUCCESS");
            assertThat(e.reason()).isEqualTo("测试");
            assertThat(e.details()).contains("旧", "新");
        });
        assertThat(log.forObject("Test", rolledBack)).isEmpty();
    }

    @Test
    void aFailureIsKeptWhenTheCallerRollsBack() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            trail.recordFailure(AuditEvent.of("TEST_REFUSED", "Test", id).because("版本冲突"), Outcome.FAILURE);
            throw new IllegalStateException("conflict");
        })).hasMessage("conflict");

        assertThat(log.forObject("Test", id)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("FAILURE"));
    }

    @Test
    void theChainStaysIntactAcrossRecords() {
        for (int i = 0; i < 3; i++) {
            trail.record(AuditEvent.of("TEST_CHAINED", "Test", UUID.randomUUID()));
        }

        AuditVerification verification = log.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.checked()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRequestKnowsWhetherItsAuditedChangesWereSaved() {
        var saved = new org.springframework.mock.web.MockHttpServletRequest();
        var rolledBack = new org.springframework.mock.web.MockHttpServletRequest();
        try {
            org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                    new org.springframework.web.context.request.ServletRequestAttributes(rolledBack));
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                trail.record(AuditEvent.of("TEST_DONE", "Test", UUID.randomUUID()));
                throw new IllegalStateException("the change fails");
            })).hasMessage("the change fails");
            assertThat(AuditedWrites.of(rolledBack)).isEqualTo(AuditedWrites.NONE);

            org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                    new org.springframework.web.context.request.ServletRequestAttributes(saved));
            transactions.executeWithoutResult(tx -> { });   // a transaction without an audited change says nothing
            assertThat(AuditedWrites.of(saved)).isEqualTo(AuditedWrites.NONE);
            transactions.executeWithoutResult(tx -> trail.record(AuditEvent.of("TEST_DONE", "Test", UUID.randomUUID())));
            assertThat(AuditedWrites.of(saved)).isEqualTo(AuditedWrites.SAVED);
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
        assertThat(AuditedWrites.SAVED.and(AuditedWrites.UNKNOWN)).isEqualTo(AuditedWrites.UNKNOWN);
        assertThat(AuditedWrites.UNKNOWN.and(AuditedWrites.SAVED)).isEqualTo(AuditedWrites.UNKNOWN);
        assertThat(AuditedWrites.NONE.and(AuditedWrites.SAVED)).isEqualTo(AuditedWrites.SAVED);
    }
}
