package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qingyuan.policy.Category;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.Clearance;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Production;
import org.qingyuan.shared.InvalidInputException;

/** shuimogou-2017 against 004 附件1: every category inside and outside the second ring road. */
class ShuimogouPolicyTests {

    private static final CompiledPolicy POLICY = TestPolicies.load("shuimogou-2017");
    private static final LocalDate NOTICE = LocalDate.parse("2017-10-09");
    private static final String IN = "inside-second-ring";
    private static final String OUT = "outside-second-ring";

    /** Facts that make exactly the named tests true: 散 by planning, 乱 by a missing fire approval, 污 by emissions. */
    static Facts facts(String category) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("conformsToPlanning", !category.contains("散"));
        facts.put("hasFireApproval", !category.contains("乱"));
        facts.put("hasEiaApproval", true);
        facts.put("hasPlanningApproval", true);
        facts.put("hasBusinessLicence", true);
        facts.put("hasIllegalBuildings", false);
        facts.put("emissionsOverStandard", category.contains("污"));
        facts.put("hasSafetyHazard", false);
        facts.put("industry", "铸造");
        return Facts.of(facts);
    }

    private static Classification evaluate(Facts facts, String zone) {
        return POLICY.evaluate(facts, zone, NOTICE, TestPolicies.CALENDAR);
    }

    /** 附件1, row by row: category, zone, measure, production, deadlines (kind=date; "-" for a date set per case). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            散     | inside-second-ring  | RELOCATE  | ALLOWED       | RELOCATE=2018-09-30
            散     | outside-second-ring | RELOCATE  | ALLOWED       | RELOCATE=2019-09-30
            乱     | inside-second-ring  | REMEDIATE | STOP          | OBTAIN_APPROVALS=2017-12-09
            乱     | outside-second-ring | REMEDIATE | STOP          | OBTAIN_APPROVALS=2018-01-09
            污     | inside-second-ring  | REMEDIATE | LIMIT_OR_STOP | REMEDIATE=-
            污     | outside-second-ring | REMEDIATE | LIMIT_OR_STOP | REMEDIATE=-
            散乱   | inside-second-ring  | RELOCATE  | STOP          | OBTAIN_APPROVALS=2017-12-09 RELOCATE=2018-09-30
            散乱   | outside-second-ring | RELOCATE  | STOP          | OBTAIN_APPROVALS=2018-01-09 RELOCATE=2019-09-30
            散污   | inside-second-ring  | RELOCATE  | STOP          | RELOCATE=2018-09-30
            散污   | outside-second-ring | RELOCATE  | STOP          | REMEDIATE=- RELOCATE=2019-09-30
            乱污   | inside-second-ring  | REMEDIATE | STOP          | OBTAIN_APPROVALS=2017-12-09
            乱污   | outside-second-ring | REMEDIATE | STOP          | OBTAIN_APPROVALS=2018-01-09
            散乱污 | inside-second-ring  | SHUTDOWN  | STOP          | SHUTDOWN=2017-10-31 BAN=2017-11-30
            散乱污 | outside-second-ring | SHUTDOWN  | STOP          | SHUTDOWN=2017-11-30 BAN=2017-12-31
            """)
    void everyCategoryInEachZoneGetsTheMeasureAndDeadlinesOfAnnex1(String category, String zone, MeasureKind kind,
                                                                   Production production, String deadlines) {
        Classification result = evaluate(facts(category), zone);
        assertThat(result.category()).isEqualTo(category);
        assertThat(result.policyId()).isEqualTo("shuimogou-2017");
        assertThat(result.policyVersion()).isEqualTo(4);
        assertThat(result.zone()).isEqualTo(zone);
        assertThat(result.measure().kind()).isEqualTo(kind);
        assertThat(result.measure().production()).isEqualTo(production);
        assertThat(result.measure().source()).startsWith("附件1 第");
        assertThat(result.deadlines()).extracting(d -> d.kind() + "=" + (d.date() == null ? "-" : d.date()))
                .containsExactlyElementsOf(Arrays.asList(deadlines.split(" ")));
        assertThat(result.questions()).isEmpty();
    }

    @Test
    void relocationNotFinishedInTimeBecomesAShutdown() {
        for (String zone : List.of(IN, OUT)) {
            var escalations = evaluate(facts("散"), zone).measure().escalations();
            assertThat(escalations).singleElement().satisfies(e -> {
                assertThat(e.after()).isEqualTo(DeadlineKind.RELOCATE);
                assertThat(e.becomes()).isEqualTo(MeasureKind.SHUTDOWN);
            });
        }
        var approvals = evaluate(facts("乱"), IN).measure().escalations();
        assertThat(approvals).extracting(e -> e.after()).containsExactly(DeadlineKind.OBTAIN_APPROVALS);
        assertThat(evaluate(facts("散污"), OUT).measure().escalations().get(0).clearances()).hasSize(5);
    }

    @Test
    void scatteredDisorderlyPollutingIsShutDownByTheFiveClearances() {
        var measure = evaluate(facts("散乱污"), IN).measure();
        assertThat(measure.clearances()).containsExactly(Clearance.CUT_WATER, Clearance.CUT_POWER, Clearance.CLEAR_MATERIALS,
                Clearance.CLEAR_PRODUCTS, Clearance.CLEAR_EQUIPMENT);
        assertThat(measure.text()).isEqualTo("2017年10月底前完成关停工作，2017年11月底前按照“两断三清”标准，完成取缔工作。");
    }

    @Test
    void theExplanationSaysWhichFactsMadeWhichTestTrue() {
        Classification result = evaluate(facts("散乱"), IN);
        assertThat(result.explanation())
                .contains("“散”成立：是否符合产业政策及当地产业布局规划：否")
                .contains("“乱”成立：有无消防手续：无")
                .contains("“污”不成立：污染物排放是否超标：否")
                .contains("分类：散乱，依据附件1 第4项")
                .contains("区域：二环路以内")
                .contains("补办手续 2017-12-09（自告知之日起2个月内）")
                .contains("迁入工业园区 2018-09-30");
        assertThat(result.tests()).containsEntry("散", true).containsEntry("乱", true).containsEntry("污", false);
    }

    @Test
    void keyIndustriesAreFlagged() {
        assertThat(evaluate(facts("散"), IN).flags()).containsExactly("重点治理行业");
        assertThat(evaluate(facts("散").with("industry", "餐饮"), IN).flags()).isEmpty();
    }

    @Test
    void anEnterpriseWithEverythingInOrderIsNone() {
        Classification result = evaluate(facts(""), IN);
        assertThat(result.category()).isEqualTo(Category.NONE);
        assertThat(result.categoryLabel()).isEqualTo("不属于“散乱污”企业");
        assertThat(result.measure()).isNull();
        assertThat(result.deadlines()).isEmpty();
    }

    @Test
    void unknownPlanningConformityLeavesTheCategoryOpenAndAsksForIt() {
        Classification result = evaluate(facts("乱").with("conformsToPlanning", null), IN);
        assertThat(result.category()).isEqualTo(Category.UNDETERMINED);
        assertThat(result.possibleCategories()).containsExactly("乱", "散乱");
        assertThat(result.questions()).extracting(q -> q.fact()).containsExactly("conformsToPlanning");
        assertThat(result.measure()).isNull();
        assertThat(result.explanation()).contains("“散”无法判断").contains("可能为“乱”、“散乱”");
    }

    @Test
    void oneMissingApprovalDecidesDisorderEvenWhenOthersAreUnknown() {
        Facts facts = Facts.of(Map.of("conformsToPlanning", true, "hasFireApproval", false, "emissionsOverStandard", false));
        Classification result = evaluate(facts, OUT);
        assertThat(result.category()).isEqualTo("乱");
        assertThat(result.questions()).isEmpty();
    }

    @Test
    void nothingKnownAsksEveryQuestionThatMatters() {
        Classification result = evaluate(Facts.none(), IN);
        assertThat(result.category()).isEqualTo(Category.UNDETERMINED);
        assertThat(result.possibleCategories()).hasSize(8);
        assertThat(result.questions()).extracting(q -> q.fact()).containsExactly("emissionsOverStandard", "conformsToPlanning",
                "hasFireApproval", "hasEiaApproval", "hasPlanningApproval", "hasBusinessLicence", "hasIllegalBuildings");
    }

    @Test
    void withoutAZoneTheCategoryStandsButTheMeasureWaits() {
        Classification result = evaluate(facts("乱"), null);
        assertThat(result.category()).isEqualTo("乱");
        assertThat(result.measure()).isNull();
        assertThat(result.questions()).extracting(q -> q.fact()).containsExactly("zone");
        // 污 has the same measure in both zones
        assertThat(evaluate(facts("污"), null).measure().kind()).isEqualTo(MeasureKind.REMEDIATE);
    }

    @Test
    void aLaterNoticeFindsFixedDeadlinesAlreadyPassed() {
        Classification result = POLICY.evaluate(facts("散乱污"), OUT, LocalDate.parse("2018-03-01"), TestPolicies.CALENDAR);
        assertThat(result.deadlines()).allSatisfy(d -> assertThat(d.note()).contains("已逾期"));
    }

    @Test
    void withoutNoticeDateRelativeDeadlinesStayOpen() {
        Classification result = POLICY.evaluate(facts("乱"), IN, null, TestPolicies.CALENDAR);
        assertThat(result.deadlines()).singleElement().satisfies(d -> {
            assertThat(d.date()).isNull();
            assertThat(d.note()).isEqualTo("告知日期未定");
        });
    }

    @Test
    void unknownFactsZonesAndWrongValuesAreRefused() {
        assertThatThrownBy(() -> evaluate(Facts.of(Map.of("hasFireAproval", true)), IN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("未知的企业事实“hasFireAproval”");
        assertThatThrownBy(() -> evaluate(Facts.of(Map.of("hasFireApproval", "有")), IN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("应为 true、false 或 null");
        assertThatThrownBy(() -> evaluate(facts("乱"), "inside"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inside-second-ring");
    }

    @Test
    void theStreetsOfShuimogouAreAssignedToBothZones() {
        assertThat(POLICY.zones()).extracting(z -> z.id()).containsExactly(IN, OUT);
        assertThat(POLICY.zones().get(0).divisions()).hasSize(7).contains("650105005");
        assertThat(POLICY.zones().get(1).divisions()).hasSize(8).contains("650105016");
    }
}
