package org.qingyuan.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class PolicyModuleTests {

    private static final DivisionCode XINMINLU = DivisionCode.of("650105005");   // 新民路街道, inside in the file
    private static final DivisionCode HEMAQUAN = DivisionCode.of("650105016");   // 河马泉街道, outside in the file
    private static final Facts SAN_LUAN = Facts.of(Map.of("conformsToPlanning", false, "hasFireApproval", false,
            "hasEiaApproval", true, "hasPlanningApproval", true, "hasBusinessLicence", true, "hasIllegalBuildings", false,
            "emissionsOverStandard", false, "industry", "木器加工"));
    /** Huiji: only the EIA approval missing → 补办手续. */
    private static final Facts NO_EIA = Facts.of(Map.of("conformsToPlanning", true, "hasEiaApproval", false,
            "hasPlanningApproval", true, "hasBusinessLicence", true, "hasIllegalBuildings", false, "emissionsOverStandard", false,
            "industry", "服装加工"));

    @Autowired
    Policies policies;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theShippedPoliciesAreRegisteredAndTheHomeDistrictsOwnIsActive() {
        assertThat(policies.list()).extracting(PolicySummary::id)
                .containsExactly("baokou", "huiji-2017", "jiangjin-2021", "shuimogou-2017", "tianjin-market-2017");
        assertThat(policies.active()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("huiji-2017"));
        assertThat(policies.active()).hasValueSatisfying(p -> assertThat(p.version()).as("the latest, with the report calendar").isEqualTo(3));
        assertThat(jdbc.sql("SELECT count(*) FROM policy_version WHERE origin = 'SHIPPED'").query(Integer.class).single())
                .as("five plans: shuimogou-2017 in four versions, two in three, two in two").isEqualTo(14);
    }

    @Test
    void registeredVersionsCanNeverBeChanged() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE policy_version SET title = 'x' WHERE policy_id = 'baokou'").update())
                .hasMessageContaining("never changed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM policy_activation").update()).hasMessageContaining("never changed");
    }

    @Test
    void theZoneOfAnEnterpriseComesFromItsDivisionOrItsOwnOverride() {
        assertThat(policies.zoneOf("shuimogou-2017", DivisionCode.of("650105005001"))).hasValue("inside-second-ring");
        assertThat(policies.zoneOf("shuimogou-2017", HEMAQUAN)).hasValue("outside-second-ring");
        assertThat(policies.zoneOf("shuimogou-2017", DivisionCode.of("650105"))).isEmpty();
        assertThat(policies.zoneOf("huiji-2017", DivisionCode.of("410108001"))).isEmpty();

        Classification inside = policies.get("shuimogou-2017").evaluate(SAN_LUAN,
                policies.zoneOf("shuimogou-2017", XINMINLU).orElseThrow(), LocalDate.parse("2017-10-09"), workingDays.calendar());
        assertThat(inside.deadline(DeadlineKind.RELOCATE).orElseThrow().date()).isEqualTo(LocalDate.parse("2018-09-30"));
    }

    @Test
    void anAdministratorMovesACommunityIntoAnotherZone() {
        DivisionCode community = policiesCommunityOf(XINMINLU);
        policies.assignZone("shuimogou-2017", community, "outside-second-ring", "district");
        assertThat(policies.zoneOf("shuimogou-2017", community)).hasValue("outside-second-ring");
        assertThat(policies.zoneOf("shuimogou-2017", XINMINLU)).as("the street keeps its zone").hasValue("inside-second-ring");
        assertThat(policies.zoneAssignments("shuimogou-2017")).filteredOn(ZoneAssignment::assigned)
                .extracting(ZoneAssignment::division).containsExactly(community.value());
        policies.assignZone("shuimogou-2017", community, null, "district");
        assertThat(policies.zoneOf("shuimogou-2017", community)).hasValue("inside-second-ring");

        assertThatThrownBy(() -> policies.assignZone("shuimogou-2017", community, "ring-3", "district"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("没有区域“ring-3”");
        assertThatThrownBy(() -> policies.assignZone("shuimogou-2017", DivisionCode.of("410108001"), "inside-second-ring", "district"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不在实施方案");
    }

    private DivisionCode policiesCommunityOf(DivisionCode street) {
        return DivisionCode.of(jdbc.sql("SELECT min(code) FROM division WHERE parent_code = :street")
                .param("street", street.value()).query(String.class).single());
    }

    @Test
    void classificationRecordsThePolicyVersionAndSurvivesActivatingAnother(Scenario scenario) {
        Classification before = policies.classify(NO_EIA, DivisionCode.of("410108001"), null, LocalDate.parse("2017-03-01"));
        assertThat(before.policyId()).isEqualTo("huiji-2017");
        assertThat(before.policyVersion()).isEqualTo(policies.get("huiji-2017").version());
        assertThat(before.category()).isEqualTo("小散乱污");

        scenario.stimulate(() -> policies.activate("shuimogou-2017", 1, "district"))
                .andWaitForEventOfType(PolicyActivated.class)
                .toArriveAndVerify(event -> {
                    assertThat(event.policyId()).isEqualTo("shuimogou-2017");
                    assertThat(event.previousPolicyId()).isEqualTo("huiji-2017");
                });
        try {
            Classification after = policies.classify(SAN_LUAN, HEMAQUAN, null, LocalDate.parse("2017-10-09"));
            assertThat(after.policyId()).isEqualTo("shuimogou-2017");
            assertThat(after.category()).isEqualTo("散乱");
            assertThat(after.zone()).isEqualTo("outside-second-ring");
            Classification overridden = policies.classify(SAN_LUAN, HEMAQUAN, "inside-second-ring", LocalDate.parse("2017-10-09"));
            assertThat(overridden.zone()).isEqualTo("inside-second-ring");
            assertThat(before.policyId()).as("an earlier classification is a value: unchanged").isEqualTo("huiji-2017");
        } finally {
            policies.activate("huiji-2017", policies.get("huiji-2017").version(), "district");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM policy_activation").query(Integer.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aNewVersionIsRegisteredButAChangedFileUnderAnOldVersionIsRefused() {
        String v1 = policies.get("jiangjin-2021", 1).content();
        assertThat(policies.register(v1, "district").version()).as("the same file again is no change").isEqualTo(1);
        assertThatThrownBy(() -> policies.register(v1.replace("入园发展一批", "入园发展"), "district"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("请使用新的版本号");

        // the shipped files hold versions 1 and 2; an official registers the next one
        String v3 = v1.replace("version: 1", "version: 3").replace("label: 入园发展一批", "label: 入园发展（第三版）");
        Policy registered = policies.register(v3, "district");
        assertThat(registered.version()).isEqualTo(3);
        assertThat(policies.get("jiangjin-2021").version()).isEqualTo(3);
        assertThat(policies.get("jiangjin-2021", 1).category("入园发展").orElseThrow().label()).isEqualTo("入园发展一批");
        assertThat(policies.list()).filteredOn(s -> s.id().equals("jiangjin-2021")).singleElement()
                .satisfies(s -> assertThat(s.versions()).containsExactly(1, 2, 3));
        assertThatThrownBy(() -> policies.get("jiangjin-2021", 9)).isInstanceOf(NotFoundException.class).hasMessageContaining("第 9 版");
        assertThatThrownBy(() -> policies.register("id: x\nversion: [", "district")).isInstanceOf(PolicyFormatException.class);
    }

    @Test
    void thePreviewTellsWhichEnterprisesWouldChangeCategory() {
        List<PreviewInput> inputs = List.of(
                new PreviewInput("a", SAN_LUAN, HEMAQUAN, null),
                new PreviewInput("b", Facts.of(Map.of("emissionsOverStandard", true, "conformsToPlanning", true,
                        "hasFireApproval", true, "hasEiaApproval", true, "hasPlanningApproval", true, "hasBusinessLicence", true,
                        "hasIllegalBuildings", false, "industry", "服装加工")), XINMINLU, null));
        PreviewReport report = policies.preview("shuimogou-2017", 1, inputs, LocalDate.parse("2017-10-09"));
        assertThat(report.currentPolicyId()).isEqualTo("huiji-2017");
        assertThat(report.total()).isEqualTo(2);
        assertThat(report.changes()).extracting(PreviewReport.Change::key, PreviewReport.Change::fromCategory,
                PreviewReport.Change::toCategory).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "小散乱污", "散乱"),
                org.assertj.core.groups.Tuple.tuple("b", "小散乱污", "污"));
        assertThat(report.categoryChanges()).isEqualTo(2);
        assertThat(policies.active().orElseThrow().id()).as("a preview changes nothing").isEqualTo("huiji-2017");
    }

    @Test
    void anOverrideKeepsTheComputedValueAndIsFlaggedWhenFactsChange() {
        Classification computed = policies.classify(NO_EIA, DivisionCode.of("410108001"), null, LocalDate.parse("2017-03-01"));
        ClassificationOverride decision = ClassificationOverride.of(computed, MeasureKind.SHUTDOWN, "限期拆除",
                Map.of(DeadlineKind.DEMOLISH, LocalDate.parse("2017-06-30")), "占用基本农田，无法补办", "district", Instant.now());
        EffectiveClassification effective = decision.applyTo(computed);
        assertThat(effective.measureKind()).isEqualTo(MeasureKind.SHUTDOWN);
        assertThat(effective.computed().measure().label()).isEqualTo("补办手续");
        assertThat(effective.deadlines()).extracting(Deadline::kind).containsExactly(DeadlineKind.OBTAIN_APPROVALS, DeadlineKind.DEMOLISH);
        assertThat(effective.needsReview()).isFalse();

        Classification recomputed = policies.classify(NO_EIA.with("emissionsOverStandard", true), DivisionCode.of("410108001"),
                null, LocalDate.parse("2017-03-01"));
        assertThat(decision.applyTo(recomputed).needsReview()).isTrue();
        assertThatThrownBy(() -> ClassificationOverride.of(computed, MeasureKind.SHUTDOWN, null, Map.of(), " ", "district", Instant.now()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("理由");
    }

    @Test
    void anUploadedYearExtendsTheCalendarAndReplacesEarlierData() {
        assertThat(workingDays.calendar().covers(LocalDate.parse("2027-10-01"))).isFalse();
        workingDays.upload("""
                {"year": 2027, "papers": ["https://www.gov.cn/example"], "days": [
                  {"name": "国庆节", "date": "2027-10-01", "isOffDay": true},
                  {"name": "国庆节", "date": "2027-10-04", "isOffDay": true},
                  {"name": "国庆节", "date": "2027-10-09", "isOffDay": false}]}
                """, "district");
        assertThat(workingDays.calendar().plusWorkingDays(LocalDate.parse("2027-09-30"), 1)).isEqualTo(LocalDate.parse("2027-10-05"));
        assertThat(workingDays.years()).filteredOn(y -> y.year() == 2027).singleElement()
                .satisfies(y -> assertThat(y.uploaded()).isTrue());

        workingDays.upload("""
                {"year": 2027, "papers": [], "days": [{"name": "国庆节", "date": "2027-10-01", "isOffDay": true}]}
                """, "district");
        assertThat(workingDays.calendar().isWorkingDay(LocalDate.parse("2027-10-04"))).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM working_day_year WHERE year = 2027").query(Integer.class).single()).isEqualTo(2);

        assertThatThrownBy(() -> workingDays.upload("""
                {"year": 2018, "papers": [], "days": [{"name": "元旦", "date": "2018-12-31", "isOffDay": false}]}
                """, "district")).isInstanceOf(InvalidInputException.class).hasMessageContaining("矛盾");
        assertThat(workingDays.years()).extracting(CalendarYear::year).startsWith(2017).contains(2026, 2027);
    }
}
