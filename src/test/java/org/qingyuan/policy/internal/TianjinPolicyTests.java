package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.qingyuan.policy.Category;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.MeasureSubKind;
import org.qingyuan.policy.Production;

/** tianjin-market-2017 against 000: 关停取缔 / 治理改造 / 严格监管 (二), written notice within 5 working days (三). */
class TianjinPolicyTests {

    private static final CompiledPolicy POLICY = TestPolicies.load("tianjin-market-2017");

    private static Classification evaluate(FactsBuilder facts, String notice) {
        return POLICY.evaluate(facts.build(), null, LocalDate.parse(notice), TestPolicies.CALENDAR);
    }

    @Test
    void unlicensedButAbleToRegulariseCorrectsWithoutProducing() {
        Classification result = evaluate(FactsBuilder.compliant().with("hasBusinessLicence", false).with("canObtainLicence", true),
                "2017-06-01");
        assertThat(result.category()).isEqualTo("治理改造");
        assertThat(result.measure().subKinds()).containsExactly(MeasureSubKind.REGULARISE_LICENCE);
        assertThat(result.measure().production()).isEqualTo(Production.STOP);
        assertThat(result.measure().escalations()).singleElement().satisfies(e -> {
            assertThat(e.trigger()).isEqualTo("拒不改正");
            assertThat(e.action()).isEqualTo("依法从重处罚");
            assertThat(e.becomes()).isNull();
        });
    }

    @Test
    void unlicensedWithoutTheConditionsForALicenceIsBanned() {
        Classification result = evaluate(FactsBuilder.compliant().with("hasBusinessLicence", false).with("canObtainLicence", false),
                "2017-06-01");
        assertThat(result.category()).isEqualTo("关停取缔");
        assertThat(result.measure().kind()).isEqualTo(MeasureKind.SHUTDOWN);
    }

    @Test
    void whetherALicenceCanBeObtainedDecidesBetweenBanAndCorrection() {
        Classification result = evaluate(FactsBuilder.compliant().with("hasBusinessLicence", false), "2017-06-01");
        assertThat(result.category()).isEqualTo(Category.UNDETERMINED);
        assertThat(result.possibleCategories()).containsExactly("关停取缔", "治理改造");
        assertThat(result.questions()).extracting(q -> q.fact()).containsExactly("canObtainLicence");
        assertThat(result.explanation()).contains("请补充：是否具备办理许可证或营业执照的条件");
    }

    @Test
    void otherDepartmentsPermitsAreNotifiedInWritingWithinFiveWorkingDays() {
        Classification result = evaluate(FactsBuilder.compliant().with("hasEiaApproval", false), "2017-09-29");
        assertThat(result.category()).isEqualTo("治理改造");
        assertThat(result.measure().subKinds()).containsExactly(MeasureSubKind.OBTAIN_APPROVALS);
        assertThat(result.deadline(DeadlineKind.REFERRAL)).hasValueSatisfying(d -> {
            assertThat(d.label()).isEqualTo("书面告知相关审批部门");
            assertThat(d.date()).as("skips National Day, counts Saturday 9-30").isEqualTo(LocalDate.parse("2017-10-12"));
            assertThat(d.rule()).isEqualTo("自告知之日起5个工作日内");
        });
    }

    @Test
    void writtenNoticeOverSpringFestivalCountsTheAdjustedSaturday() {
        // 2018: 2-15..2-21 off, Saturday 2-24 works
        Classification result = evaluate(FactsBuilder.compliant().with("hasFireApproval", false), "2018-02-14");
        assertThat(result.deadline(DeadlineKind.REFERRAL).orElseThrow().date()).isEqualTo(LocalDate.parse("2018-02-27"));
    }

    @Test
    void urgentCasesGoToTheDistrictGovernmentAtOnce() {
        Classification result = evaluate(FactsBuilder.compliant().with("emissionsOverStandard", true).with("urgentRisk", true),
                "2017-06-01");
        assertThat(result.category()).isEqualTo("治理改造");
        assertThat(result.measure().subKinds()).containsExactly(MeasureSubKind.POLLUTION_CONTROL);
        assertThat(result.deadlines()).filteredOn(d -> d.kind() == DeadlineKind.REFERRAL).singleElement().satisfies(d -> {
            assertThat(d.label()).isEqualTo("立即提请区政府研究取缔");
            assertThat(d.date()).isEqualTo(LocalDate.parse("2017-06-01"));
        });
    }

    @Test
    void licensedEnterprisesListedByTheGovernmentAreStrictlySupervised() {
        Classification result = evaluate(FactsBuilder.compliant().with("conformsToPlanning", false), "2017-06-01");
        assertThat(result.category()).isEqualTo("严格监管");
        assertThat(result.measure().kind()).isEqualTo(MeasureKind.SUPERVISE);
        assertThat(result.questions()).as("canObtainLicence does not matter for a licensed enterprise").isEmpty();
    }

    @Test
    void anEnterpriseInOrderIsNotListed() {
        assertThat(evaluate(FactsBuilder.compliant(), "2017-06-01").category()).isEqualTo(Category.NONE);
    }
}
