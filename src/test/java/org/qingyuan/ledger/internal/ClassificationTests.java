package org.qingyuan.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.BatchRegistration;
import org.qingyuan.ledger.BatchRegistration.DuplicatePolicy;
import org.qingyuan.ledger.BatchRegistration.SourcedRow;
import org.qingyuan.ledger.internal.ClassificationRecord;
import org.qingyuan.ledger.Classifications;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseClassification;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ledger's classifications on the demo deployment (惠济区, huiji-2017 active),
 * with the real PostgreSQL: stored at registration, recomputed on edits with the history kept,
 * batch-classified in the background after an import or an activation, 一企一策, the API, jurisdiction
 * and the activation preview over the ledger.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ClassificationTests {

    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));
    static final DivisionCode JINHE = DivisionCode.of("410108001001");
    static final LocalDate AUGUST_29 = LocalDate.parse("2017-08-29");

    @Autowired
    Ledger ledger;

    @Autowired
    BatchRegistration batch;

    @Autowired
    Classifications classifications;

    @Autowired
    ClassificationHistory classificationHistory;

    @Autowired
    ClassificationWorker worker;

    @Autowired
    Policies policies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    /** Everything in order except the EIA approval: huiji-2017 says 小散乱污, 补办手续 by 2017-08-29. */
    static Facts missingEia() {
        Map<Fact, FactValue> facts = new EnumMap<>(Fact.class);
        LocalDate asOf = LocalDate.of(2026, 3, 1);
        for (Fact fact : List.of(Fact.CONFORMS_TO_PLANNING, Fact.HAS_FIRE_APPROVAL, Fact.HAS_PLANNING_APPROVAL, Fact.HAS_BUSINESS_LICENCE)) {
            facts.put(fact, new FactValue(true, FactSource.INSPECTION, asOf));
        }
        for (Fact fact : List.of(Fact.EMISSIONS_OVER_STANDARD, Fact.HAS_EIA_APPROVAL, Fact.HAS_ILLEGAL_BUILDINGS, Fact.HAS_SAFETY_HAZARD)) {
            facts.put(fact, new FactValue(false, FactSource.INSPECTION, asOf));
        }
        return new Facts(facts);
    }

    static EnterpriseDetails details(String name, DivisionCode division, Facts facts) {
        return new EnterpriseDetails(new Identity(name + System.nanoTime(), null, null, null, null),
                new Place(division, null, null, null),
                new Business(Industry.GARMENT, null, null, null, null, null, null, null, null, null), facts,
                new Campaign(EnterpriseType.SLW, Discovery.PATROL, LocalDate.of(2026, 2, 1), null));
    }

    EnterpriseId register(String name) {
        return ledger.register(details(name, JINHE, missingEia()), null, DISTRICT).id();
    }

    @Test
    void aRegistrationIsClassifiedInItsTransactionAndPublished() {
        EnterpriseId id = register("登记分类厂");
        EnterpriseClassification c = classifications.current(id, DISTRICT);
        assertThat(c.pending()).isFalse();
        assertThat(c.applies().computed().policyId()).isEqualTo("huiji-2017");
        assertThat(c.applies().computed().category()).isEqualTo("小散乱污");
        assertThat(c.applies().measureLabel()).isEqualTo("补办手续");
        assertThat(c.applies().computed().deadline(DeadlineKind.OBTAIN_APPROVALS).orElseThrow().date()).isEqualTo(AUGUST_29);
        assertThat(c.reason()).isEqualTo("登记");
        assertThat(c.noticeDateAssumed()).isTrue();
        assertThat(c.effectiveNoticeDate()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(events.stream(EnterprisesClassified.class).flatMap(e -> e.classifications().stream())
                .filter(e -> e.enterpriseId() == id.value())).singleElement().satisfies(e -> {
                    assertThat(e.previous()).isNull();
                    assertThat(e.classification().computed().category()).isEqualTo("小散乱污");
                    assertThat(e.divisionCode()).isEqualTo(JINHE.value());
                    assertThat(e.reason()).isEqualTo("登记");
                });
    }

    @Test
    void anEditOfTheFactsAddsARecordAndKeepsTheEarlierOne() {
        EnterpriseId id = register("事实变更分类厂");
        long first = classifications.current(id, DISTRICT).recordId();
        Enterprise e = ledger.get(id, DISTRICT);
        events.clear();
        ledger.edit(id, e.version(), e.details().withFacts(e.details().facts()
                .with(Fact.CONFORMS_TO_PLANNING, new FactValue(false, FactSource.DEPARTMENT, LocalDate.of(2026, 3, 2)))),
                "规划部门认定不符合布局规划", DISTRICT);
        EnterpriseClassification now = classifications.current(id, DISTRICT);
        assertThat(now.applies().measureLabel()).isEqualTo("限期拆除");
        assertThat(now.applies().measureKind()).isEqualTo(MeasureKind.SHUTDOWN);
        assertThat(now.reason()).startsWith("事实变更");
        List<ClassificationRecord> history = classificationHistory.history(id, DISTRICT);
        assertThat(history).hasSize(2);
        assertThat(history.get(1).id()).isEqualTo(first);
        assertThat(history.get(1).measureLabel()).isEqualTo("补办手续");
        assertThat(events.stream(EnterprisesClassified.class).flatMap(x -> x.classifications().stream())
                .filter(x -> x.enterpriseId() == id.value())).singleElement()
                .satisfies(x -> assertThat(x.previous().measureLabel()).isEqualTo("补办手续"));

        // an edit that changes nothing the policy looks at stores nothing and publishes nothing
        events.clear();
        Enterprise edited = ledger.get(id, DISTRICT);
        ledger.edit(id, edited.version(), edited.details().withIdentity(new Identity(edited.details().name(), null, null, "张三", null)),
                "补充联系人", DISTRICT);
        assertThat(classificationHistory.history(id, DISTRICT)).hasSize(2);
        assertThat(events.stream(EnterprisesClassified.class)).isEmpty();
    }

    @Test
    void importedRowsAreLeftToTheBackgroundWorkerWhichClassifiesThemInBatches() {
        List<SourcedRow> rows = List.of(new SourcedRow(details("导入甲厂", JINHE, missingEia()), "imported from a.xlsx, sheet 台账, row 3"),
                new SourcedRow(details("导入乙厂", JINHE, Facts.NONE), "imported from a.xlsx, sheet 台账, row 4"));
        var result = batch.registerImported(rows, DuplicatePolicy.FLAG, DISTRICT);
        EnterpriseId first = result.rows().get(0).id();
        EnterpriseId second = result.rows().get(1).id();
        assertThat(classifications.current(first, DISTRICT).pending()).isTrue();
        assertThat(classifications.current(first, DISTRICT).classified()).isFalse();

        events.clear();
        assertThat(worker.drain()).isGreaterThanOrEqualTo(2);
        EnterpriseClassification c = classifications.current(first, DISTRICT);
        assertThat(c.pending()).isFalse();
        assertThat(c.applies().measureLabel()).isEqualTo("补办手续");
        assertThat(c.computedBy()).isEqualTo("system");
        // nothing known: the policy cannot decide and says what to find out
        EnterpriseClassification unknown = classifications.current(second, DISTRICT);
        assertThat(unknown.applies().computed().category()).isEqualTo("UNDETERMINED");
        assertThat(unknown.applies().computed().questions()).isNotEmpty();
        assertThat(events.stream(EnterprisesClassified.class).flatMap(x -> x.classifications().stream())
                .map(x -> x.enterpriseId())).contains(first.value(), second.value());
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise_classification WHERE stale").query(Long.class).single()).isZero();
    }

    @Test
    void anActivationRecomputesInTheBackgroundAndKeepsEveryEarlierRecord() {
        EnterpriseId id = register("启用方案厂");
        ClassificationRecord before = classificationHistory.history(id, DISTRICT).get(0);
        long records = jdbc.sql("SELECT count(*) FROM classification_record").query(Long.class).single();
        try {
            policies.activate("tianjin-market-2017", 1, "test");
            EnterpriseClassification marked = classifications.current(id, DISTRICT);
            assertThat(marked.pending()).isTrue();
            assertThat(marked.applies().computed().policyId()).isEqualTo("huiji-2017");

            events.clear();
            worker.drain();
            EnterpriseClassification after = classifications.current(id, DISTRICT);
            assertThat(after.pending()).isFalse();
            assertThat(after.applies().computed().policyId()).isEqualTo("tianjin-market-2017");
            assertThat(after.reason()).isEqualTo("启用实施方案 tianjin-market-2017 第1版");
            List<ClassificationRecord> history = classificationHistory.history(id, DISTRICT);
            assertThat(history).hasSize(2);
            assertThat(history.get(1)).isEqualTo(before);
            assertThat(jdbc.sql("SELECT count(*) FROM classification_record").query(Long.class).single()).isGreaterThan(records);
            assertThat(events.stream(EnterprisesClassified.class).flatMap(x -> x.classifications().stream())
                    .filter(x -> x.enterpriseId() == id.value())).singleElement()
                    .satisfies(x -> {
                        assertThat(x.by()).isEqualTo("system");
                        assertThat(x.previous().computed().policyId()).isEqualTo("huiji-2017");
                    });
        } finally {
            policies.activate("huiji-2017", policies.get("huiji-2017").version(), "test");
            worker.drain();
        }
        assertThat(classifications.current(id, DISTRICT).applies().computed().policyId()).isEqualTo("huiji-2017");
        assertThat(classificationHistory.history(id, DISTRICT)).hasSize(3);
    }

    @Test
    void anOverrideKeepsTheComputedValueBesideItAndIsFlaggedWhenTheFactsChange() {
        EnterpriseId id = register("一企一策厂");
        EnterpriseClassification c = classifications.current(id, DISTRICT);
        EnterpriseClassification overridden = classifications.override(id, c.version(), MeasureKind.RELOCATE, "限期迁入工业园区",
                Map.of(DeadlineKind.RELOCATE, LocalDate.of(2026, 9, 30)), "园区已有空置厂房，经研究同意搬迁", DISTRICT);
        assertThat(overridden.version()).isEqualTo(c.version() + 1);
        assertThat(overridden.applies().overridden()).isTrue();
        assertThat(overridden.applies().measureLabel()).isEqualTo("限期迁入工业园区");
        assertThat(overridden.applies().computed().measure().label()).isEqualTo("补办手续");
        assertThat(overridden.applies().deadlines()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DeadlineKind.RELOCATE);
            assertThat(d.date()).isEqualTo(LocalDate.of(2026, 9, 30));
        });
        assertThat(overridden.needsReview()).isFalse();
        // a stale version is refused
        assertThatThrownBy(() -> classifications.clearOverride(id, c.version(), "撤销", DISTRICT))
                .isInstanceOf(ConflictException.class);

        Enterprise e = ledger.get(id, DISTRICT);
        ledger.edit(id, e.version(), e.details().withFacts(e.details().facts()
                .with(Fact.HAS_EIA_APPROVAL, new FactValue(true, FactSource.DEPARTMENT, LocalDate.of(2026, 3, 5)))),
                "已补办环评", DISTRICT);
        EnterpriseClassification later = classifications.current(id, DISTRICT);
        assertThat(later.needsReview()).isTrue();
        assertThat(later.applies().measureLabel()).isEqualTo("限期迁入工业园区");
        assertThat(classificationHistory.overrides(id, DISTRICT)).hasSize(1);
    }

    @Test
    void theNoticeDateMovesTheDeadlinesAndTheZoneMustBelongToThePolicy() {
        EnterpriseId id = register("告知日期厂");
        EnterpriseClassification c = classifications.current(id, DISTRICT);
        EnterpriseClassification set = classifications.setNoticeDate(id, c.version(), LocalDate.of(2026, 3, 10), "已送达告知书", DISTRICT);
        assertThat(set.noticeDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(set.noticeDateAssumed()).isFalse();
        assertThat(set.applies().computed().noticeDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(set.version()).isEqualTo(c.version() + 1);
        assertThat(classificationHistory.history(id, DISTRICT).get(0).reason()).startsWith("告知日期变更");
        assertThatThrownBy(() -> classifications.setZone(id, set.version(), "inside-second-ring", "试验", DISTRICT))
                .hasMessageContaining("没有区域");
    }

    @Test
    void outsideTheJurisdictionAClassificationIsNotFound() throws Exception {
        EnterpriseId id = register("辖区外分类厂");
        Scope otherVillage = Scope.of(DivisionCode.of("410108002002"));
        assertThatThrownBy(() -> classifications.current(id, otherVillage)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> classifications.override(id, 1, MeasureKind.SHUTDOWN, null, Map.of(), "越权", otherVillage))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/v1/enterprises/" + id + "/classification").with(as(RoleCode.VILLAGE_OFFICER, "410108002002")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enterprises/" + id + "/classification/history").with(as(RoleCode.TOWN_OFFICER, "410108002")))
                .andExpect(status().isNotFound());
        // a town officer may read it and set the notice date, but not decide 一企一策
        mvc.perform(get("/api/v1/enterprises/" + id + "/classification").with(as(RoleCode.TOWN_OFFICER, "410108001")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/enterprises/" + id + "/classification/override").with(as(RoleCode.TOWN_OFFICER, "410108001"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"measureKind\": \"SHUTDOWN\", \"reason\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/enterprises/" + id + "/classification/notice-date").with(as(RoleCode.TOWN_OFFICER, "410108001"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"noticeDate\": \"2026-03-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.noticeDate").value("2026-03-01"))
                .andExpect(jsonPath("$.settingsVersion").value(2));
    }

    @Test
    void theListShowsEachEnterprisesMeasure() throws Exception {
        String name = "列表措施厂" + System.nanoTime();
        EnterpriseId id = register(name);
        mvc.perform(get("/api/v1/enterprises").param("q", name).with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id.value()))
                .andExpect(jsonPath("$.items[0].classification.category").value("小散乱污"))
                .andExpect(jsonPath("$.items[0].classification.measureKind").value("REMEDIATE"))
                .andExpect(jsonPath("$.items[0].classification.measure").value("补办手续"))
                .andExpect(jsonPath("$.items[0].classification.override").value(false));
        mvc.perform(get("/enterprises").param("q", name).with(district()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("measure-badge")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(">补办手续</span>")));
    }

    @Test
    void theEnterpriseResourceCarriesItsClassification() throws Exception {
        EnterpriseId id = register("接口分类厂");
        mvc.perform(get("/api/v1/enterprises/" + id).with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.classification.policy").value("huiji-2017"))
                .andExpect(jsonPath("$.classification.version").value(policies.get("huiji-2017").version()))
                .andExpect(jsonPath("$.classification.category").value("小散乱污"))
                .andExpect(jsonPath("$.classification.measure.kind").value("REMEDIATE"))
                .andExpect(jsonPath("$.classification.measure.label").value("补办手续"))
                .andExpect(jsonPath("$.classification.deadlines[0].kind").value("OBTAIN_APPROVALS"))
                .andExpect(jsonPath("$.classification.deadlines[0].date").value("2017-08-29"))
                .andExpect(jsonPath("$.classification.override").isEmpty())
                .andExpect(jsonPath("$.classification.explanation").isString())
                .andExpect(jsonPath("$.classification.settingsVersion").value(1));

        mvc.perform(put("/api/v1/enterprises/" + id + "/classification/override").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"version": 1, "deadlines": {"OBTAIN_APPROVALS": "2026-06-30"}, "reason": "疫情期间延期"}
                                """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadlines[0].date").value("2026-06-30"))
                .andExpect(jsonPath("$.computed.deadlines[0].date").value("2017-08-29"))
                .andExpect(jsonPath("$.override.reason").value("疫情期间延期"))
                .andExpect(jsonPath("$.override.deadlines[0].kind").value("OBTAIN_APPROVALS"))
                .andExpect(jsonPath("$.measure.label").value("补办手续"));
        mvc.perform(put("/api/v1/enterprises/" + id + "/classification/override").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"version": 1, "measureKind": "SHUTDOWN", "reason": "过期的版本"}
                                """))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/enterprises/" + id + "/classification/override").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 2, \"measureKind\": \"SHUTDOWN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(delete("/api/v1/enterprises/" + id + "/classification/override").param("version", "2")
                        .param("reason", "已按期补办").with(district()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.override").isEmpty())
                .andExpect(jsonPath("$.deadlines[0].date").value("2017-08-29"));
        mvc.perform(get("/api/v1/enterprises/" + id + "/classification/history").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.classifications[0].policy").value("huiji-2017"))
                .andExpect(jsonPath("$.overrides[0].clearedReason").value("已按期补办"));
        // the page shows it, with the forms for those who may use them
        mvc.perform(get("/enterprises/" + id + "/classification").with(district()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"classification-category\"")))
                .andExpect(content().string(containsString("补办手续")))
                .andExpect(content().string(containsString("2017-08-29")))
                .andExpect(content().string(containsString("huiji-2017 第 " + policies.get("huiji-2017").version() + " 版")))
                .andExpect(content().string(containsString("已按期补办")))
                .andExpect(content().string(containsString("id=\"override-form\"")));
        mvc.perform(get("/enterprises/" + id + "/classification").with(as(RoleCode.TOWN_OFFICER, "410108001")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"notice-date-form\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"override-form\""))));
    }

    @Test
    void thePreviewComparesTheLedgersEnterprisesWithinTheCallersJurisdiction() throws Exception {
        worker.drain();
        long inDistrict = jdbc.sql("SELECT count(*) FROM enterprise WHERE status = 'ACTIVE' AND division_code LIKE '410108%'")
                .query(Long.class).single();
        long inVillage = jdbc.sql("SELECT count(*) FROM enterprise WHERE status = 'ACTIVE' AND division_code = '410108001001'")
                .query(Long.class).single();
        var preview = policies.previewPopulation("tianjin-market-2017", 1, DivisionCode.of("410108"), null, 10);
        assertThat(preview.total()).isEqualTo(inDistrict).isGreaterThan(300);
        assertThat(preview.categoryChanges()).isPositive();
        assertThat(preview.sample()).hasSize(10);
        // the same version as is active changes nothing
        assertThat(policies.previewPopulation("huiji-2017", 1, DivisionCode.of("410108"), null, 10).categoryChanges()).isZero();
        mvc.perform(get("/api/v1/policies/tianjin-market-2017/versions/1/preview").with(as(RoleCode.VILLAGE_OFFICER, "410108001001")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(inVillage))
                .andExpect(jsonPath("$.currentPolicyId").value("huiji-2017"));
        mvc.perform(get("/policies/tianjin-market-2017/preview").param("version", "1").with(district()))
                .andExpect(status().isOk());
    }

    @Test
    void anOverrideFlaggedForReviewShowsOnThePage() throws Exception {
        EnterpriseId id = register("待复核页面厂");
        EnterpriseClassification c = classifications.current(id, DISTRICT);
        classifications.override(id, c.version(), MeasureKind.SHUTDOWN, "限期关停", Map.of(), "群众多次投诉，研究决定关停", DISTRICT);
        Enterprise e = ledger.get(id, DISTRICT);
        ledger.edit(id, e.version(), e.details().withFacts(e.details().facts()
                .with(Fact.INVOLVES_GAS, new FactValue(true, FactSource.INSPECTION, LocalDate.of(2026, 3, 5)))), "补充涉气", DISTRICT);
        mvc.perform(get("/enterprises/" + id + "/classification").with(district()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"override-review\"")))
                .andExpect(content().string(containsString("计算结果：补办手续")))
                .andExpect(content().string(containsString("限期关停")));
        mvc.perform(get("/api/v1/enterprises/" + id).with(district()))
                .andExpect(jsonPath("$.classification.needsReview").value(true))
                .andExpect(jsonPath("$.classification.override.needsReview").value(true))
                .andExpect(jsonPath("$.classification.measure.kind").value("SHUTDOWN"))
                .andExpect(jsonPath("$.classification.computed.measure.label").value("补办手续"));
    }

    @Test
    void everyDemoEnterpriseIsClassified() {
        assertThat(jdbc.sql("""
                SELECT count(*) FROM enterprise e
                 WHERE NOT EXISTS (SELECT 1 FROM enterprise_classification c WHERE c.enterprise_id = e.id)
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM enterprise e JOIN enterprise_classification c ON c.enterprise_id = e.id
                 WHERE e.status = 'ACTIVE' AND c.current_id IS NULL AND e.id IN (
                       SELECT enterprise_id FROM enterprise_version WHERE reason = '演示数据' AND version = 1)
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(DISTINCT enterprise_id) FROM classification_record").query(Long.class).single())
                .isGreaterThanOrEqualTo(290);
    }
}
