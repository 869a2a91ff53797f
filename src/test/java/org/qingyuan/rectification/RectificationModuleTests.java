package org.qingyuan.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.EnterpriseWithdrawn;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The rectification module with the modules it depends on: the ledger's events drive the cases (a classification that
 * calls for a measure opens one, a withdrawn enterprise withdraws it), and the open case is the one definition.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class RectificationModuleTests {

    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));
    static final DivisionCode JINHE = DivisionCode.of("410108001001");

    @Autowired
    Ledger ledger;

    @Autowired
    Cases cases;

    static EnterpriseDetails garmentWorkshop(String name) {
        return new EnterpriseDetails(new EnterpriseDetails.Identity(name, null, null, null, null),
                new EnterpriseDetails.Place(JINHE, null, 113.62, 34.85),
                new EnterpriseDetails.Business(Industry.GARMENT, null, null, null, null, null, null, null, null, null),
                LedgerClassificationCaseTests.facts(true, false),
                new EnterpriseDetails.Campaign(EnterpriseType.SLW, Discovery.PATROL, LocalDate.of(2026, 2, 1), null));
    }

    @Test
    void aClassificationThatCallsForAMeasureOpensACase(Scenario scenario) {
        String name = "模块测试服装厂" + System.nanoTime();

        scenario.stimulate(() -> ledger.register(garmentWorkshop(name), null, DISTRICT))
                .andWaitForEventOfType(EnterprisesClassified.class)
                .matching(event -> event.classifications().stream().anyMatch(c -> c.divisionCode().equals(JINHE.value())))
                .toArriveAndVerify(event -> {
                    long enterprise = event.classifications().get(0).enterpriseId();
                    CaseSummary opened = cases.ofEnterprise(enterprise, DISTRICT).orElseThrow();
                    assertThat(opened.measure()).isEqualTo(MeasureKind.REMEDIATE);
                    assertThat(opened.state()).isEqualTo(CaseState.REGISTERED);
                    assertThat(opened.state().open()).isTrue();
                });
    }

    @Test
    void aWithdrawnEnterpriseWithdrawsItsOpenCase(Scenario scenario) {
        EnterpriseId id = ledger.register(garmentWorkshop("模块测试撤销厂" + System.nanoTime()), null, DISTRICT).id();
        long caseId = cases.ofEnterprise(id.value(), DISTRICT).orElseThrow().id();

        scenario.publish(new EnterpriseWithdrawn(id.value(), JINHE.value(), WithdrawalReason.OUT_OF_SCOPE))
                .andWaitForStateChange(() -> cases.get(caseId, DISTRICT).rectificationCase().state(), s -> !s.open())
                .andVerify(state -> {
                    assertThat(state).isEqualTo(CaseState.WITHDRAWN);
                    assertThat(cases.get(caseId, DISTRICT).timeline()).extracting(CaseView.TimelineStep::kind)
                            .endsWith(StepKind.WITHDRAWN);
                });
    }

    @Test
    void anOpenCaseIsOneNeitherClosedOutNorWithdrawnInJavaAndInSql() {
        for (CaseState state : CaseState.values()) {
            boolean finished = state == CaseState.CLOSED_OUT || state == CaseState.WITHDRAWN;
            assertThat(state.open()).as(state.name()).isEqualTo(!finished);
            assertThat(!state.acceptsWork() || state.open()).as("work only on an open case: " + state).isTrue();
        }
        assertThat(CaseState.openSql("c.state")).isEqualTo("c.state NOT IN ('CLOSED_OUT', 'WITHDRAWN')");
    }
}
