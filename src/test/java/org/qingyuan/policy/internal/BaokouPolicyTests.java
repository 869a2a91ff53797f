package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.qingyuan.policy.Category;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.Clearance;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Production;

/** baokou against 002 三: six shutdown criteria versus relocation, 两断三清, overdue relocation → shutdown. */
class BaokouPolicyTests {

    private static final CompiledPolicy POLICY = TestPolicies.load("baokou");
    private static final LocalDate NOTICE = LocalDate.parse("2019-06-03");

    /** A relocation case: outside planning, otherwise no shutdown criterion. */
    private static FactsBuilder relocationCase() {
        return FactsBuilder.compliant().with("conformsToPlanning", false).with("industry", "木器加工")
                .with("obsoleteCapacity", false).with("violatesNatureReserveRules", false).with("hasProductionLicence", true)
                .with("hasDischargePermit", true).with("illegalLandUse", false).with("seriousHazard", false)
                .with("rectificationOverdue", false);
    }

    private static Classification evaluate(FactsBuilder facts) {
        return POLICY.evaluate(facts.build(), null, NOTICE, TestPolicies.CALENDAR);
    }

    @Test
    void withoutAShutdownCriterionTheEnterpriseRelocates() {
        Classification result = evaluate(relocationCase());
        assertThat(result.category()).isEqualTo("搬迁改造类");
        assertThat(result.measure().kind()).isEqualTo(MeasureKind.RELOCATE);
        assertThat(result.measure().production()).isEqualTo(Production.STOP);
        assertThat(result.measure().clearances()).containsExactly(Clearance.CUT_POWER, Clearance.CLEAR_EQUIPMENT);
        assertThat(result.measure().acceptance()).contains("现有厂区不能有生产能力");
        assertThat(result.deadline(DeadlineKind.RELOCATE).orElseThrow().date()).as("依法限期: set per case").isNull();
    }

    @Test
    void relocationNotFinishedInTimeIsListedForShutdown() {
        var escalation = evaluate(relocationCase()).measure().escalations().get(0);
        assertThat(escalation.after()).isEqualTo(DeadlineKind.RELOCATE);
        assertThat(escalation.becomes()).isEqualTo(MeasureKind.SHUTDOWN);
        assertThat(escalation.action()).contains("列入关停取缔类");
        // and once the overdue is recorded, criterion 6 applies
        assertThat(evaluate(relocationCase().with("rectificationOverdue", true)).category()).isEqualTo("关停取缔类");
    }

    @ParameterizedTest(name = "criterion {0}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | obsoleteCapacity          | true
            1 | violatesNatureReserveRules | true
            1 | industry                  | 黏土砖
            2 | emissionsOverStandard     | true
            3 | hasProductionLicence      | false
            3 | hasDischargePermit        | false
            4 | illegalLandUse            | true
            5 | seriousHazard             | true
            6 | rectificationOverdue      | true
            """)
    void eachOfTheSixCriteriaMeansShutdownByTheFiveClearances(int criterion, String fact, String value) {
        FactsBuilder facts = relocationCase();
        Object typed = "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : value;
        facts.with(fact, typed);
        if (criterion == 2) {
            facts.with("hasBusinessLicence", true).with("hasEiaApproval", false);
        }
        Classification result = evaluate(facts);
        assertThat(result.category()).isEqualTo("关停取缔类");
        assertThat(result.measure().kind()).isEqualTo(MeasureKind.SHUTDOWN);
        assertThat(result.measure().clearances()).containsExactly(Clearance.CUT_WATER, Clearance.CUT_POWER,
                Clearance.CLEAR_MATERIALS, Clearance.CLEAR_PRODUCTS, Clearance.CLEAR_EQUIPMENT);
        assertThat(result.deadline(DeadlineKind.SELF_CLEARANCE)).isPresent();
        assertThat(result.measure().escalations().get(0).action()).contains("联合执法");
    }

    @Test
    void anUnknownCriterionLeavesShutdownOrRelocationOpen() {
        Classification result = evaluate(relocationCase().with("hasDischargePermit", null));
        assertThat(result.category()).isEqualTo(Category.UNDETERMINED);
        assertThat(result.possibleCategories()).containsExactly("关停取缔类", "搬迁改造类");
        assertThat(result.questions()).extracting(q -> q.fact()).containsExactly("hasDischargePermit");
    }

    @Test
    void illegalProductionFoundOnPatrolIsReportedAtOnce() {
        Classification result = evaluate(relocationCase().with("caughtProducingIllegally", true));
        assertThat(result.deadline(DeadlineKind.REFERRAL)).hasValueSatisfying(d -> {
            assertThat(d.date()).isEqualTo(NOTICE);
            assertThat(d.rule()).isEqualTo("立即");
        });
    }

    @Test
    void anEnterpriseInOrderIsNotListed() {
        Classification result = evaluate(relocationCase().with("conformsToPlanning", true));
        assertThat(result.category()).isEqualTo(Category.NONE);
    }
}
