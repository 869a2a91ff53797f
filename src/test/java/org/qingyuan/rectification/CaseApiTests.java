package org.qingyuan.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
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
class CaseApiTests {

    static final String VILLAGE = "410108001001";
    static final RequestPostProcessor GRID = as(RoleCode.GRID_MEMBER, VILLAGE);
    static final RequestPostProcessor TOWN = as(RoleCode.TOWN_OFFICER, "410108001");
    static final RequestPostProcessor ENV = as(RoleCode.DEPARTMENT_OFFICER, "410108");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired JdbcClient jdbc;

    CaseFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CaseFixtures(mvc, policies, events, tx, cases);
    }

    CaseSummary shutdownCase() throws Exception {
        return fixtures.open(VILLAGE, "huiji-2017", CaseFixtures.SHUTDOWN, null,
                Map.of(DeadlineKind.DEMOLISH, LocalDate.now().plusDays(30)));
    }

    static MockMultipartFile photo(double lat, double lon, Instant at) {
        return new MockMultipartFile("files", "现场.jpg", "image/jpeg", DemoPhotos.sitePhoto(true, System.nanoTime(), "test", at, lat, lon));
    }

    JsonNode record(long id, int version, Requirement r, MockMultipartFile photo, RequestPostProcessor who, int expected) throws Exception {
        var request = multipart("/api/v1/cases/" + id + "/items/" + r.name()).file(photo).param("version", Integer.toString(version))
                .param("note", r.label() + "已完成");
        if (r.needsUtilityConfirmation()) {
            request.file(new MockMultipartFile("confirmation", "供电公司停电确认函.pdf", "application/pdf", PDF));
        }
        String body = mvc.perform(request.with(who).with(csrf())).andExpect(status().is(expected))
                .andReturn().getResponse().getContentAsString();
        return CaseFixtures.JSON.readTree(body);
    }

    JsonNode postJson(String path, String body, RequestPostProcessor who, int expected) throws Exception {
        String answer = mvc.perform(post(path).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return CaseFixtures.JSON.readTree(answer);
    }

    MockMultipartFile goodPhoto() {
        return photo(CaseFixtures.LAT + 0.0005, CaseFixtures.LON, Instant.now() /* not minutes earlier: after midnight in China that is the day before the case */);
    }

    @Test
    void aClassifiedShutdownIsDrivenFromOpeningToCloseOutWithFourEyes() throws Exception {
        CaseSummary opened = shutdownCase();
        assertThat(opened.measure()).isEqualTo(MeasureKind.SHUTDOWN);
        assertThat(opened.state()).isEqualTo(CaseState.REGISTERED);
        long id = opened.id();
        JsonNode c = CaseFixtures.JSON.readTree(mvc.perform(get("/api/v1/cases/" + id).with(GRID)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(c.get("items")).hasSize(5);
        assertThat(c.get("deadlines").get(0).get("kind").asString()).isEqualTo("DEMOLISH");
        int version = c.get("version").asInt();
        for (Requirement r : List.of(Requirement.CUT_WATER, Requirement.CUT_POWER, Requirement.CLEAR_MATERIALS,
                Requirement.CLEAR_PRODUCTS, Requirement.CLEAR_EQUIPMENT)) {
            c = record(id, version, r, goodPhoto(), GRID, 200);
            version = c.get("version").asInt();
        }
        assertThat(c.get("missingItems")).isEmpty();
        assertThat(c.get("progressLabel").asString()).isEqualTo("正在拆除");
        c = postJson("/api/v1/cases/" + id + "/submit", "{\"version\": " + version + "}", GRID, 200);
        assertThat(c.get("state").asString()).isEqualTo("AWAITING_ACCEPTANCE");
        // the grid member may not accept at all; the town may, being a second person
        postJson("/api/v1/cases/" + id + "/accept", "{\"version\": " + c.get("version").asInt() + ", \"onSiteRecord\": \"x\"}", GRID, 403);
        c = postJson("/api/v1/cases/" + id + "/accept", "{\"version\": " + c.get("version").asInt()
                + ", \"onSiteRecord\": \"现场核查：水电已断，原料、产品、设备已清除\"}", ENV, 200);
        assertThat(c.get("acceptedBy").asString()).isEqualTo("env-dept");
        c = postJson("/api/v1/cases/" + id + "/close-out", "{\"version\": " + c.get("version").asInt() + "}", TOWN, 200);
        assertThat(c.get("state").asString()).isEqualTo("CLOSED_OUT");
        assertThat(c.get("closedOutOn").asString()).isNotBlank();
        assertThat(c.get("timeline")).extracting(s -> s.get("kind").asString()).containsSubsequence("OPENED", "ITEM_RECORDED",
                "SUBMITTED_FOR_ACCEPTANCE", "ACCEPTED", "CLOSED_OUT");
        // the district sees it closed out
        mvc.perform(get("/api/v1/cases").param("state", "CLOSED_OUT").param("q", opened.enterpriseName()).with(district()))
                .andExpect(jsonPath("$.items[0].id").value(id));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE object_type = 'RectificationCase' AND object_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isGreaterThanOrEqualTo(9);
    }

    @Autowired CaseFormColumns formColumns;

    @Test
    void theFormsColumnsAsOfAnInstantFollowTheCasesTimeline() throws Exception {
        Instant beforeOpening = Instant.now();
        CaseSummary opened = shutdownCase();
        long id = opened.id();
        Long[] enterprise = {opened.enterpriseId()};
        int version = opened.version();
        for (Requirement r : List.of(Requirement.CUT_WATER, Requirement.CUT_POWER, Requirement.CLEAR_MATERIALS,
                Requirement.CLEAR_PRODUCTS, Requirement.CLEAR_EQUIPMENT)) {
            version = record(id, version, r, goodPhoto(), GRID, 200).get("version").asInt();
        }
        Instant atWork = Instant.now();
        JsonNode c = postJson("/api/v1/cases/" + id + "/submit", "{\"version\": " + version + "}", GRID, 200);
        c = postJson("/api/v1/cases/" + id + "/accept", "{\"version\": " + c.get("version").asInt()
                + ", \"onSiteRecord\": \"现场核查：水电已断，原料、产品、设备已清除\"}", ENV, 200);
        c = postJson("/api/v1/cases/" + id + "/close-out", "{\"version\": " + c.get("version").asInt() + "}", TOWN, 200);
        Instant closed = Instant.now();

        assertThat(formColumns.of(enterprise, true, beforeOpening)).as("no case, no classification yet").isEmpty();
        CaseFormColumns.Columns working = formColumns.of(enterprise, false, atWork).get(opened.enterpriseId());
        assertThat(working.progress()).isEqualTo("正在拆除");
        assertThat(working.requirement()).isEqualTo(opened.measureName());
        CaseFormColumns.Columns done = formColumns.of(enterprise, false, closed).get(opened.enterpriseId());
        assertThat(done.progress()).isEqualTo("拆除到位（" + c.get("closedOutOn").asString() + "）");
        assertThat(done).isEqualTo(formColumns.of(enterprise, false).get(opened.enterpriseId()));
    }

    @Test
    void closeOutWithOneItemMissingIsRefusedNamingTheItem() throws Exception {
        long id = shutdownCase().id();
        int version = 0;
        for (Requirement r : List.of(Requirement.CUT_WATER, Requirement.CLEAR_MATERIALS, Requirement.CLEAR_PRODUCTS,
                Requirement.CLEAR_EQUIPMENT)) {
            version = record(id, version, r, goodPhoto(), GRID, 200).get("version").asInt();
        }
        mvc.perform(post("/api/v1/cases/" + id + "/close-out").with(TOWN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + "}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("缺少“断电”")))
                .andExpect(jsonPath("$.missingItems[0]").value("CUT_POWER"));
        mvc.perform(post("/api/v1/cases/" + id + "/submit").with(GRID).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("断电")));
        assertThat(cases.get(id, org.qingyuan.access.Scope.of(org.qingyuan.shared.DivisionCode.of("410108"))).rectificationCase()
                .state()).isEqualTo(CaseState.IN_PROGRESS);
    }

    @Test
    void aStaleVersionIsAConflictListingWhatChanged() throws Exception {
        long id = shutdownCase().id();
        record(id, 0, Requirement.CLEAR_MATERIALS, goodPhoto(), GRID, 200);
        mvc.perform(multipart("/api/v1/cases/" + id + "/items/CLEAR_PRODUCTS").file(goodPhoto()).param("version", "0")
                        .with(GRID).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.changes[0].kind").value("ITEM_RECORDED"))
                .andExpect(jsonPath("$.changes[0].kindName").value("记录整治情况"));
    }

    @Test
    void photosWithoutExifOrFarFromTheSiteAreFlaggedForASecondPersonsReview() throws Exception {
        long id = shutdownCase().id();
        JsonNode c = record(id, 0, Requirement.CLEAR_MATERIALS,
                photo(CaseFixtures.LAT + 0.02, CaseFixtures.LON, Instant.now()), GRID, 200);
        JsonNode item = c.get("items").get(2);
        assertThat(item.get("requirement").asString()).isEqualTo("CLEAR_MATERIALS");
        assertThat(item.get("flags").get(0).asString()).contains("拍摄位置距企业").contains("超过 300 米");
        assertThat(item.get("complete").asBoolean()).isFalse();
        var noExif = new MockMultipartFile("files", "无信息.jpg", "image/jpeg",
                DemoPhotos.sitePhoto(true, 3, "x", null, null, null));
        c = record(id, c.get("version").asInt(), Requirement.CLEAR_PRODUCTS, noExif, GRID, 200);
        assertThat(c.get("items").get(3).get("flags")).extracting(JsonNode::asString)
                .anySatisfy(f -> assertThat(f).contains("无拍摄时间")).anySatisfy(f -> assertThat(f).contains("无拍摄位置"));
        var old = photo(CaseFixtures.LAT, CaseFixtures.LON, Instant.now().minus(40, ChronoUnit.DAYS));
        c = record(id, c.get("version").asInt(), Requirement.CLEAR_EQUIPMENT, old, GRID, 200);
        assertThat(c.get("items").get(4).get("flags").get(0).asString()).contains("早于立案日");

        int version = c.get("version").asInt();
        postJson("/api/v1/cases/" + id + "/items/CLEAR_MATERIALS/review", "{\"version\": " + version + "}", GRID, 409);
        c = postJson("/api/v1/cases/" + id + "/items/CLEAR_MATERIALS/review", "{\"version\": " + version + "}", TOWN, 200);
        assertThat(c.get("items").get(2).get("reviewedBy").asString()).isEqualTo("town");
        assertThat(c.get("items").get(2).get("complete").asBoolean()).isTrue();
    }

    @Test
    void evidenceFromAnotherEnterprisesDossierIsRefused() throws Exception {
        long id = shutdownCase().id();
        long other = shutdownCase().id();
        JsonNode a = CaseFixtures.JSON.readTree(mvc.perform(multipart("/api/v1/cases/" + other + "/evidence")
                        .file(new MockMultipartFile("file", "a.jpg", "image/jpeg", goodPhoto().getBytes())).with(GRID).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        JsonNode problem = postJson("/api/v1/cases/" + id + "/items/CLEAR_MATERIALS", "{\"version\": 0, \"evidenceIds\": ["
                + a.get("id").asLong() + "]}", GRID, 400);
        assertThat(problem.get("detail").asString()).contains("不属于本案");
    }

    @Test
    void aCaseOutsideTheCallersJurisdictionIsNotFound() throws Exception {
        long id = shutdownCase().id();
        mvc.perform(get("/api/v1/cases/" + id).with(as(RoleCode.TOWN_OFFICER, "410108002")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/cases/" + id + "/submit").with(as(RoleCode.TOWN_OFFICER, "410108002")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases").param("q", "整治测试厂").with(as(RoleCode.TOWN_OFFICER, "410108002")))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")]").isEmpty());
    }

    @Test
    void aChangedClassificationRealignsTheCaseAndNoMeasureWithdrawsIt() throws Exception {
        CaseSummary opened = fixtures.open(VILLAGE, "huiji-2017", CaseFixtures.NO_EIA, null, Map.of());
        assertThat(opened.measure()).isEqualTo(MeasureKind.REMEDIATE);
        assertThat(opened.measureName()).isEqualTo("补办手续");
        var scope = org.qingyuan.access.Scope.of(org.qingyuan.shared.DivisionCode.of("410108"));
        fixtures.publish(opened.enterpriseId(), VILLAGE, fixtures.classification("huiji-2017", CaseFixtures.SHUTDOWN, null, Map.of()));
        CaseView realigned = cases.get(opened.id(), scope);
        assertThat(realigned.rectificationCase().measure()).isEqualTo(MeasureKind.SHUTDOWN);
        assertThat(realigned.rectificationCase().requirements()).hasSize(5);
        assertThat(realigned.rectificationCase().deadline()).isEqualTo(LocalDate.of(2017, 8, 29));
        fixtures.publish(opened.enterpriseId(), VILLAGE, fixtures.classification("huiji-2017", CaseFixtures.CLEAN, null, Map.of()));
        assertThat(cases.get(opened.id(), scope).rectificationCase().state()).isEqualTo(CaseState.WITHDRAWN);
        assertThat(cases.get(opened.id(), scope).timeline()).extracting(step -> step.kind().name())
                .containsExactly("OPENED", "REALIGNED", "WITHDRAWN");
    }

    @Test
    void responsiblePersonsAreAssignedWithinTheTown() throws Exception {
        long id = shutdownCase().id();
        JsonNode c = postJson("/api/v1/cases/" + id + "/responsible", """
                {"version": 0, "townCode": "410108001", "villageCode": "410108001001", "departmentCode": "ENVIRONMENT",
                 "personName": "王建国", "personPhone": "13803710001", "username": "grid"}
                """, TOWN, 200);
        assertThat(c.get("responsible").get("personName").asString()).isEqualTo("王建国");
        postJson("/api/v1/cases/" + id + "/responsible", """
                {"version": 1, "townCode": "410108002", "personName": "李四", "personPhone": "13803710002"}
                """, TOWN, 400);
    }

    @Test
    void aCaseFollowsItsEnterpriseToAnotherDivisionAndOutOfTheLedger() throws Exception {
        CaseSummary opened = shutdownCase();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/enterprises/" + opened.enterpriseId())
                        .with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"reason\": \"核实地址\", \"divisionCode\": \"410108002001\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases/" + opened.id()).with(TOWN)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/" + opened.id()).with(as(RoleCode.TOWN_OFFICER, "410108002")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.divisionCode").value("410108002001"))
                .andExpect(jsonPath("$.timeline[-1].kind").value("ENTERPRISE_MOVED"))
                .andExpect(jsonPath("$.timeline[-1].kindLabel").value("企业迁移区划"));
        postJson("/api/v1/enterprises/" + opened.enterpriseId() + "/withdrawal",
                "{\"version\": 2, \"reason\": \"OUT_OF_SCOPE\", \"note\": \"核查后不属于整治范围\"}", district(), 200);
        mvc.perform(get("/api/v1/cases/" + opened.id()).with(district()))
                .andExpect(jsonPath("$.state").value("WITHDRAWN"));
    }

    @Test
    void theCasesApiIsDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/cases/{id}/close-out")))
                .andExpect(content().string(containsString("/api/v1/cases/{id}/items/{requirement}")));
    }

    @Test
    void jointEnforcementNeedsThePassedDeadlineAndKnownDepartments() throws Exception {
        long id = shutdownCase().id();
        postJson("/api/v1/cases/" + id + "/enforcements", "{\"version\": 0, \"date\": \"" + LocalDate.now()
                + "\", \"departments\": [\"ENVIRONMENT\", \"POWER_SUPPLY\"]}", TOWN, 409);
        long overdue = fixtures.open(VILLAGE, "huiji-2017", CaseFixtures.SHUTDOWN, null, Map.of()).id();
        postJson("/api/v1/cases/" + overdue + "/enforcements", "{\"version\": 0, \"date\": \"" + LocalDate.now()
                + "\", \"departments\": [\"ENVIRONMENT\", \"NO_SUCH\"]}", TOWN, 400);
        JsonNode c = postJson("/api/v1/cases/" + overdue + "/enforcements", "{\"version\": 0, \"date\": \"" + LocalDate.now()
                + "\", \"departments\": [\"ENVIRONMENT\", \"POWER_SUPPLY\", \"PUBLIC_SECURITY\"], \"note\": \"强制断电\"}", TOWN, 200);
        assertThat(c.get("enforcements").get(0).get("departmentCodes")).hasSize(3);
        assertThat(c.get("overdue").asBoolean()).isTrue();
    }
}
