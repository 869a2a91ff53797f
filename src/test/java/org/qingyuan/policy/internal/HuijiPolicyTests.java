package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.qingyuan.policy.Category;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.MeasureSubKind;

/** huiji-2017 against 001: types 小散乱污 / 八小 (附件1 注2), requirements 补办手续 / 整改完善 / 限期拆除 (注3), all by 8-29 (三(四)). */
class HuijiPolicyTests {

    private static final CompiledPolicy POLICY = TestPolicies.load("huiji-2017");
    private static final LocalDate NOTICE = LocalDate.parse("2017-03-15");
    private static final LocalDate AUGUST_29 = LocalDate.parse("2017-08-29");

    private static Classification evaluate(FactsBuilder facts) {
        return POLICY.evaluate(facts.with("industry", "服装加工").build(), null, NOTICE, TestPolicies.CALENDAR);
    }

    private static Classification evaluate(FactsBuilder facts, String industry) {
        return POLICY.evaluate(facts.with("industry", industry).build(), null, NOTICE, TestPolicies.CALENDAR);
    }

    @Test
    void missingApprovalsMeanObtainingThemBy29August() {
        Classification result = evaluate(FactsBuilder.compliant().with("hasEiaApproval", false));
        assertThat(result.category()).isEqualTo("小散乱污");
        assertThat(result.measure().label()).isEqualTo("补办手续");
        assertThat(result.measure().subKinds()).containsExactly(MeasureSubKind.OBTAIN_APPROVALS);
        assertThat(result.deadline(DeadlineKind.OBTAIN_APPROVALS).orElseThrow().date()).isEqualTo(AUGUST_29);
    }

    @Test
    void emissionsOverStandardMeanImproving() {
        Classification result = evaluate(FactsBuilder.compliant().with("emissionsOverStandard", true).with("hasEiaApproval", false));
        assertThat(result.category()).isEqualTo("小散乱污");
        assertThat(result.measure().label()).isEqualTo("整改完善");
        assertThat(result.measure().kind()).isEqualTo(MeasureKind.REMEDIATE);
        assertThat(result.deadline(DeadlineKind.REMEDIATE).orElseThrow().date()).isEqualTo(AUGUST_29);
    }

    @Test
    void notConformingToPlanningOrIllegalBuildingMeanDemolition() {
        for (FactsBuilder facts : new FactsBuilder[] {FactsBuilder.compliant().with("conformsToPlanning", false),
                FactsBuilder.compliant().with("hasIllegalBuildings", true)}) {
            Classification result = evaluate(facts);
            assertThat(result.category()).isEqualTo("小散乱污");
            assertThat(result.measure().label()).isEqualTo("限期拆除");
            assertThat(result.measure().kind()).isEqualTo(MeasureKind.SHUTDOWN);
            assertThat(result.deadline(DeadlineKind.DEMOLISH).orElseThrow().date()).isEqualTo(AUGUST_29);
        }
    }

    @Test
    void eightSmallIndustriesAgainstIndustrialPolicyAreDemolished() {
        Classification result = evaluate(FactsBuilder.compliant().with("conformsToPlanning", false), "小电镀");
        assertThat(result.category()).isEqualTo("八小");
        assertThat(result.measure().label()).isEqualTo("限期拆除");
        assertThat(result.explanation()).contains("行业：小电镀（属于“八小”行业）");
    }

    @Test
    void laundriesAreEightSmallButNeedOnlyImproving() {
        Classification result = evaluate(FactsBuilder.compliant(), "集中式干洗");
        assertThat(result.category()).isEqualTo("八小");
        assertThat(result.measure().label()).isEqualTo("整改完善");
    }

    @Test
    void anEightSmallIndustryConformingToPolicyIsNotListed() {
        assertThat(evaluate(FactsBuilder.compliant(), "电镀").category()).isEqualTo(Category.NONE);
    }

    @Test
    void anUnrecordedProductionLicenceCountsAsPresent() {
        Classification result = evaluate(FactsBuilder.compliant());
        assertThat(result.category()).isEqualTo(Category.NONE);
        assertThat(result.questions()).isEmpty();
        assertThat(evaluate(FactsBuilder.compliant().with("hasProductionLicence", false)).measure().label()).isEqualTo("补办手续");
    }

    @Test
    void unknownEmissionsLeaveTheRequirementOpen() {
        Classification result = evaluate(FactsBuilder.compliant().with("hasEiaApproval", false).with("emissionsOverStandard", null));
        assertThat(result.category()).isEqualTo(Category.UNDETERMINED);
        assertThat(result.possibleCategories()).containsExactly("小散乱污");
        assertThat(result.questions()).extracting(q -> q.fact()).containsExactly("emissionsOverStandard");
    }

    @Test
    void keyIndustriesAndWaterOrGasAreFlagged() {
        Classification result = evaluate(FactsBuilder.compliant().with("hasEiaApproval", false).with("involvesGas", true), "家具制造");
        assertThat(result.flags()).containsExactly("重点行业", "涉气");
    }

    @Test
    void crimesAreReferredToThePolice() {
        Classification result = evaluate(FactsBuilder.compliant().with("emissionsOverStandard", true).with("involvesDetentionOrCrime", true));
        assertThat(result.deadline(DeadlineKind.REFERRAL)).hasValueSatisfying(d -> {
            assertThat(d.label()).isEqualTo("调查取证移交公安部门");
            assertThat(d.date()).isNull();
            assertThat(d.rule()).startsWith("及时");
        });
    }

    @Test
    void theTypeIsAnsweredAsTheLedgerWritesIt() {
        assertThat(POLICY.categories()).extracting(c -> c.id()).containsExactly("八小", "小散乱污");
        assertThat(POLICY.zones()).isEmpty();
    }
}
