package org.qingyuan.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.qingyuan.utility.UtilityFixtures.JSON;
import static org.qingyuan.utility.UtilityFixtures.PDF;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.CaseView;
import org.qingyuan.rectification.Cases;
import org.qingyuan.rectification.ItemRecord;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.policy.Policies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class UtilityOrderApiTests {

    static final RequestPostProcessor POWER = as(UtilityFixtures.POWER);
    static final RequestPostProcessor WATER = as(UtilityFixtures.WATER);
    static final RequestPostProcessor ENV = as(UtilityFixtures.ENV);
    static final RequestPostProcessor TOWN = as(UtilityFixtures.TOWN);

    @Autowired MockMvc mvc;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired JdbcClient jdbc;

    UtilityFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new UtilityFixtures(mvc, policies, events, tx, cases);
    }

    JsonNode order(long enterpriseId, String utility, String action, RequestPostProcessor who, int expected) throws Exception {
        String body = mvc.perform(post("/api/v1/utility-orders").with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\": " + enterpriseId + ", \"utility\": \"" + utility + "\", \"action\": \"" + action
                                + "\", \"accountNo\": \"0371-" + enterpriseId + "\", \"reason\": \"依法关停取缔，责令断供\"}"))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    JsonNode confirm(long id, int version, boolean withDocument, RequestPostProcessor who, int expected) throws Exception {
        var request = multipart("/api/v1/utility-orders/" + id + "/confirmation").param("version", Integer.toString(version))
                .param("executedAt", // this minute, not earlier: just after midnight in China, half an hour ago is the day before the order
                        LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES).toString())
                .param("note", "已拉闸断电并加封");
        if (withDocument) {
            request.file(new MockMultipartFile("document", "停电执行回执.pdf", "application/pdf", PDF));
        }
        String body = mvc.perform(request.with(who).with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString();
        return JSON.readTree(body);
    }

    long audits(String action, long id) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_id = :id").param("a", action)
                .param("id", Long.toString(id)).query(Long.class).single();
    }

    @Test
    void thePowerUtilitysConfirmationCompletesTheCasesCutPowerItemWithoutASecondUpload() throws Exception {
        CaseSummary shutdown = fixtures.open(UtilityFixtures.SHUTDOWN);
        JsonNode o = order(shutdown.enterpriseId(), "POWER", "CUT", TOWN, 201).get("order");
        long id = o.get("id").asLong();
        assertThat(o.get("label").asString()).isEqualTo("断电");
        assertThat(o.get("state").asString()).isEqualTo("ORDERED");
        assertThat(o.get("caseId").asLong()).isEqualTo(shutdown.id());
        // it waits in the power utility's queue
        mvc.perform(get("/api/v1/utility-orders").param("state", "ORDERED").with(POWER)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());

        JsonNode confirmed = confirm(id, 0, true, POWER, 200).get("order");
        assertThat(confirmed.get("state").asString()).isEqualTo("EXECUTED");
        assertThat(confirmed.get("confirmedBy").asString()).isEqualTo("power");
        assertThat(confirmed.get("caseItem").asString()).isEqualTo("CUT_POWER");
        long document = confirmed.get("confirmationAttachmentId").asLong();

        CaseView c = cases.get(shutdown.id(), UtilityFixtures.DISTRICT);
        ItemRecord item = c.rectificationCase().items().get(Requirement.CUT_POWER);
        assertThat(item).isNotNull();
        assertThat(item.complete()).isTrue();
        assertThat(item.utilityConfirmationId()).isEqualTo(document);
        assertThat(item.evidenceIds()).containsExactly(document);
        assertThat(item.recordedBy()).isEqualTo("power");
        assertThat(item.note()).contains("指令 #" + id);
        assertThat(c.rectificationCase().missingItems()).doesNotContain(Requirement.CUT_POWER).contains(Requirement.CUT_WATER);
        assertThat(c.rectificationCase().state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(cases.evidence(shutdown.id(), UtilityFixtures.DISTRICT)).extracting(a -> a.id()).contains(document);
        assertThat(audits("UTILITY_ORDER_ISSUED", id)).isEqualTo(1);
        assertThat(audits("UTILITY_ORDER_CONFIRMED", id)).isEqualTo(1);
        assertThat(audits("CASE_ITEM_RECORDED", shutdown.id())).isEqualTo(1);
        // confirmed once only
        confirm(id, 1, true, POWER, 409);
    }

    @Test
    void anItemAlreadyRecordedStaysAsItWasAndTheReceiptJoinsTheCase() throws Exception {
        CaseSummary shutdown = fixtures.open(UtilityFixtures.SHUTDOWN);
        long doc = cases.upload(shutdown.id(), org.qingyuan.evidence.EvidenceCategory.LEGAL_DOCUMENT, "镇街断电记录.pdf", "断电",
                new java.io.ByteArrayInputStream(PDF), UtilityFixtures.DISTRICT).id();
        cases.recordItem(shutdown.id(), shutdown.version(), new Cases.ItemCommand(Requirement.CUT_POWER, "镇街已断电", java.util.List.of(doc),
                doc, null), UtilityFixtures.TOWN);
        long id = order(shutdown.enterpriseId(), "POWER", "CUT", district(), 201).get("order").get("id").asLong();
        JsonNode done = confirm(id, 0, true, POWER, 200).get("order");
        assertThat(done.get("caseItem").isNull()).isTrue();
        ItemRecord item = cases.get(shutdown.id(), UtilityFixtures.DISTRICT).rectificationCase().items().get(Requirement.CUT_POWER);
        assertThat(item.recordedBy()).isEqualTo("town");
        assertThat(cases.evidence(shutdown.id(), UtilityFixtures.DISTRICT)).extracting(a -> a.id())
                .contains(done.get("confirmationAttachmentId").asLong());
    }

    @Test
    void aConfirmationWithoutADocumentIsRefusedNamingTheFieldAndAStaleVersionConflicts() throws Exception {
        long enterprise = fixtures.enterprise(UtilityFixtures.VILLAGE);
        long id = order(enterprise, "WATER", "CUT", district(), 201).get("order").get("id").asLong();
        mvc.perform(multipart("/api/v1/utility-orders/" + id + "/confirmation").param("version", "0")
                        .param("executedAt", "2026-01-01T09:00").with(WATER).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("回执")))
                .andExpect(jsonPath("$.field").value("document"));
        confirm(id, 7, true, WATER, 409);
        JsonNode done = confirm(id, 0, true, WATER, 200).get("order");
        // no case: the water cut is recorded on the order only
        assertThat(done.get("caseItem").isNull()).isTrue();
        assertThat(done.get("confirmationAttachmentId").asLong()).isPositive();
    }

    @Test
    void aUtilityOfficerSeesOnlyTheOrdersToHisUtility() throws Exception {
        long enterprise = fixtures.enterprise(UtilityFixtures.VILLAGE);
        long power = order(enterprise, "POWER", "LIMIT", district(), 201).get("order").get("id").asLong();
        long water = order(enterprise, "WATER", "CUT", district(), 201).get("order").get("id").asLong();
        mvc.perform(get("/api/v1/utility-orders/" + power).with(POWER)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/utility-orders/" + power).with(WATER)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/utility-orders/" + water).with(POWER)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/utility-orders/" + power).with(ENV)).andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/v1/utility-orders").with(WATER)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(JSON.readTree(list).valueStream().map(n -> n.get("utility").asString()).distinct().toList()).containsExactly("WATER");
        // the water utility cannot confirm the power utility's order
        confirm(power, 0, true, WATER, 404);
        // the district and the town of the enterprise see both
        mvc.perform(get("/api/v1/utility-orders/" + power).with(TOWN)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/utility-orders/" + water).with(as(org.qingyuan.access.RoleCode.TOWN_OFFICER, "410108002")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTownOrdersOnlyForEnterprisesOfItsTownAndOnlyTheOfficeAndTownsOrder() throws Exception {
        long elsewhere = fixtures.enterprise("410108002001");
        JsonNode refused = order(elsewhere, "POWER", "CUT", TOWN, 400);
        assertThat(refused.get("field").asString()).isEqualTo("enterpriseId");
        order(elsewhere, "POWER", "CUT", POWER, 403);
        JsonNode blank = JSON.readTree(mvc.perform(post("/api/v1/utility-orders").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enterpriseId\": " + elsewhere + ", \"utility\": \"GAS\", \"action\": \"CUT\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(blank.get("field").asString()).isEqualTo("accountNo");
    }

    @Test
    void restoringSupplyIsRefusedAfterAShutdownAndAllowedOnceARemediationIsAcceptedForRestart() throws Exception {
        CaseSummary shutdown = fixtures.open(UtilityFixtures.SHUTDOWN);
        JsonNode refused = order(shutdown.enterpriseId(), "POWER", "RESTORE", district(), 409);
        assertThat(refused.get("detail").asString()).contains("关停取缔").contains("不得恢复供应");

        CaseSummary remediation = fixtures.open(UtilityFixtures.NO_EIA);
        JsonNode early = order(remediation.enterpriseId(), "POWER", "RESTORE", district(), 409);
        assertThat(early.get("detail").asString()).contains("尚未验收通过");
        assertThat(fixtures.accepted(remediation.id()).rectificationCase().state()).isEqualTo(CaseState.ACCEPTED);
        JsonNode allowed = order(remediation.enterpriseId(), "POWER", "RESTORE", district(), 201).get("order");
        assertThat(allowed.get("label").asString()).isEqualTo("恢复供电");
        assertThat(confirm(allowed.get("id").asLong(), 0, true, POWER, 200).get("order").get("state").asString()).isEqualTo("EXECUTED");
    }

    @Test
    void aGasCutIsRecordedWithoutACaseItem() throws Exception {
        CaseSummary shutdown = fixtures.open(UtilityFixtures.SHUTDOWN);
        long id = order(shutdown.enterpriseId(), "GAS", "CUT", district(), 201).get("order").get("id").asLong();
        JsonNode done = confirm(id, 0, true, as(UtilityFixtures.GAS), 200).get("order");
        assertThat(done.get("caseItem").isNull()).isTrue();
        assertThat(cases.get(shutdown.id(), UtilityFixtures.DISTRICT).rectificationCase().items()).isEmpty();
    }

    @Test
    void theRestoreRuleNamesWhyItRefuses() {
        assertThat(RestoreRule.refusal(org.qingyuan.policy.MeasureKind.SHUTDOWN, CaseState.CLOSED_OUT, 1L)).get().asString()
                .contains("关停取缔");
        assertThat(RestoreRule.refusal(org.qingyuan.policy.MeasureKind.RELOCATE, CaseState.ACCEPTED, 1L)).get().asString().contains("原址");
        assertThat(RestoreRule.refusal(org.qingyuan.policy.MeasureKind.REMEDIATE, CaseState.IN_PROGRESS, 1L)).isPresent();
        assertThat(RestoreRule.refusal(org.qingyuan.policy.MeasureKind.REMEDIATE, CaseState.ACCEPTED, 1L)).isEmpty();
        assertThat(RestoreRule.refusal(org.qingyuan.policy.MeasureKind.REMEDIATE, CaseState.CLOSED_OUT, 1L)).isEmpty();
        assertThat(RestoreRule.refusal(org.qingyuan.policy.MeasureKind.SHUTDOWN, CaseState.WITHDRAWN, 1L)).isEmpty();
        assertThat(RestoreRule.refusal(null, null, null)).isEmpty();
    }
}
