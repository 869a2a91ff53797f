package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.qingyuan.policy.Category;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.Clearance;
import org.qingyuan.policy.MeasureKind;

/** jiangjin-2021 against 003: the three batches 入园发展 / 整治规范 / 关停取缔 (一, 四). */
class JiangjinPolicyTests {

    private static final CompiledPolicy POLICY = TestPolicies.load("jiangjin-2021");
    private static final LocalDate NOTICE = LocalDate.parse("2021-11-01");

    private static FactsBuilder compliant() {
        return FactsBuilder.compliant().with("conformsToIndustrialPolicy", true).with("violatesProtectedAreaRules", false)
                .with("hasPollutionControls", true).with("hasDischargePermit", true);
    }

    private static Classification evaluate(FactsBuilder facts) {
        return POLICY.evaluate(facts.build(), null, NOTICE, TestPolicies.CALENDAR);
    }

    @Test
    void againstIndustrialPolicyOrInAProtectedAreaIsShutDownWithPowerAndWaterCut() {
        for (FactsBuilder facts : new FactsBuilder[] {compliant().with("conformsToIndustrialPolicy", false),
                compliant().with("violatesProtectedAreaRules", true)}) {
            Classification result = evaluate(facts.with("conformsToPlanning", false));
            assertThat(result.category()).isEqualTo("关停取缔");
            assertThat(result.measure().kind()).isEqualTo(MeasureKind.SHUTDOWN);
            assertThat(result.measure().clearances()).containsExactly(Clearance.CUT_POWER, Clearance.CUT_WATER);
        }
    }

    @Test
    void outsideTheLayoutPlanTheEnterpriseMovesIntoThePark() {
        Classification result = evaluate(compliant().with("conformsToPlanning", false).with("hasPollutionControls", false));
        assertThat(result.category()).isEqualTo("入园发展");
        assertThat(result.measure().kind()).isEqualTo(MeasureKind.RELOCATE);
        assertThat(result.measure().stopProduction()).isTrue();
    }

    @Test
    void pollutionControlsPermitsAndHazardsAreRemediatedAndAcceptedBeforeRestart() {
        for (String fact : new String[] {"hasPollutionControls", "hasDischargePermit", "hasEiaApproval", "hasFireApproval"}) {
            Classification result = evaluate(compliant().with(fact, false));
            assertThat(result.category()).as(fact).isEqualTo("整治规范");
            assertThat(result.measure().kind()).isEqualTo(MeasureKind.REMEDIATE);
            assertThat(result.measure().acceptance()).containsExactly("通过整治验收后方可恢复生产");
            assertThat(result.measure().escalations()).extracting(e -> e.source()).containsExactly("四(十四)", "四(十五)");
        }
        assertThat(evaluate(compliant().with("hasSafetyHazard", true)).category()).isEqualTo("整治规范");
    }

    @Test
    void deadlinesAreSetCaseByCase() {
        Classification result = evaluate(compliant().with("hasPollutionControls", false));
        assertThat(result.deadlines()).singleElement().satisfies(d -> {
            assertThat(d.date()).isNull();
            assertThat(d.rule()).contains("限期完成");
        });
    }

    @Test
    void anEnterpriseInOrderIsNotListed() {
        assertThat(evaluate(compliant()).category()).isEqualTo(Category.NONE);
    }
}
