package org.qingyuan.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.patrol.PatrolFixtures.GRID;
import static org.qingyuan.patrol.PatrolFixtures.TOWN;
import static org.qingyuan.patrol.PatrolFixtures.TOWN_CODE;
import static org.qingyuan.patrol.PatrolFixtures.json;
import static org.qingyuan.patrol.PatrolFixtures.photo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.Policies;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.test.context.event.RecordApplicationEvents
class PatrolApiTests {

    /** The SMS adapter, recording what it is asked to send. */
    @TestConfiguration
    static class Sms {
        static final List<String[]> SENT = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        SmsGateway recordingSmsGateway() {
            return (phone, text) -> SENT.add(new String[] {phone, text});
        }
    }

    // far from every demo site, so that no demo grid's boundary takes these enterprises
    static final double LON = 101.2001;
    static final double LAT = 31.3001;

    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.context.event.ApplicationEvents published;

    PatrolFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PatrolFixtures(mvc, ledger, policies, events, tx, cases);
    }

    JsonNode startDay(long gridId) throws Exception {
        return json(mvc.perform(post("/api/v1/patrols").with(GRID).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"DAY\", \"gridId\": " + gridId + "}")).andExpect(status().isCreated()));
    }

    @Test
    void aNightPatrolWithOnePersonOrWithoutItsLeaderIsRefused() throws Exception {
        mvc.perform(post("/api/v1/patrols").with(TOWN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"NIGHT\", \"divisionCode\": \"" + TOWN_CODE + "\", \"leader\": \"王立民\", \"participants\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("participants"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("至少两人")));
        mvc.perform(post("/api/v1/patrols").with(TOWN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"NIGHT\", \"divisionCode\": \"" + TOWN_CODE + "\", \"participants\": [\"张健\", \"岳桂冬\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("leader"));
        // the rota refuses the same night, and a planned night starts with its crew
        // beyond the demo rota (a week ahead), and unlikely to be a night another run of this test planned
        String night = LocalDate.now().plusDays(8 + Math.floorMod(System.nanoTime(), 300)).toString();
        mvc.perform(put("/api/v1/patrols/rota").with(TOWN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"night\": \"" + night + "\", \"leader\": \"王立民\", \"members\": [], \"version\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("members"));
        JsonNode rota = json(mvc.perform(put("/api/v1/patrols/rota").with(TOWN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"night\": \"" + night + "\", \"leader\": \"王立民\", \"members\": [\"张健\"], \"version\": 0}"))
                .andExpect(status().isOk()));
        assertThat(rota.get("townCode").asString()).isEqualTo(TOWN_CODE);
        mvc.perform(put("/api/v1/patrols/rota").with(TOWN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"night\": \"" + night + "\", \"leader\": \"王立民\", \"members\": [\"张健\"], \"version\": 0}"))
                .andExpect(status().isConflict());
        JsonNode patrol = json(mvc.perform(post("/api/v1/patrols").with(TOWN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"NIGHT\", \"rotaId\": " + rota.get("id").asLong() + "}")).andExpect(status().isCreated()));
        assertThat(patrol.get("leader").asString()).isEqualTo("王立民");
        assertThat(patrol.get("participants")).extracting(JsonNode::asString).containsExactly("王立民", "张健");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'PATROL_STARTED' AND object_id = :id")
                .param("id", patrol.get("id").asString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDistantCheckInIsAcceptedButFlagged() throws Exception {
        long near = fixtures.enterprise("打卡测试厂", LON, LAT);
        long gridId = fixtures.grid("打卡网格", null, List.of("grid")).get("id").asLong();
        fixtures.assign(gridId, near);
        long patrolId = startDay(gridId).get("id").asLong();

        JsonNode close = json(mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").file(photo("photos", LAT, LON))
                .param("enterpriseId", Long.toString(near)).param("latitude", Double.toString(LAT + 0.0004))
                .param("longitude", Double.toString(LON)).param("finding", "NOTHING").with(GRID).with(csrf()))
                .andExpect(status().isCreated()));
        assertThat(close.get("flags")).isEmpty();
        assertThat(close.get("distanceM").asInt()).isBetween(40, 50);
        assertThat(close.get("photoIds")).hasSize(1);

        JsonNode far = json(mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins")
                .param("enterpriseId", Long.toString(near)).param("latitude", Double.toString(LAT + 0.01))
                .param("longitude", Double.toString(LON)).with(GRID).with(csrf()))
                .andExpect(status().isCreated()));
        assertThat(far.get("distanceM").asInt()).isBetween(1100, 1120);
        assertThat(far.get("flags").get(0).asString()).contains("打卡位置距企业").contains("超过 200 米");

        JsonNode blind = json(mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins")
                .param("enterpriseId", Long.toString(near)).with(GRID).with(csrf())).andExpect(status().isCreated()));
        assertThat(blind.get("flags").get(0).asString()).contains("无手机定位");

        mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").param("latitude", "95").param("longitude", "101")
                        .with(GRID).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("latitude"));
        // the daily list shows the enterprise only with a case; the check-in shows on the enterprise page's links
        mvc.perform(get("/api/v1/patrols/" + patrolId).with(GRID)).andExpect(status().isOk())
                .andExpect(jsonPath("$.checkIns.length()").value(3));
    }

    @Test
    void aReboundReopensTheCaseAtOnceWithTheCheckInAsEvidenceAndAlerts() throws Exception {
        long enterprise = fixtures.enterprise("反弹测试厂", LON + 0.01, LAT);
        long caseId = fixtures.closedOutCase(enterprise, LON + 0.01, LAT);
        long gridId = fixtures.grid("反弹网格", null, List.of("grid")).get("id").asLong();
        fixtures.assign(gridId, enterprise);
        jdbc.sql("UPDATE app_user SET phone = '13800000001' WHERE username = 'town'").update();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role_code, division_code, department_code, phone)
                VALUES ('police-test', '派出所联络人', 'x', 'DEPARTMENT_OFFICER', '410108', 'PUBLIC_SECURITY', '13800000002')
                ON CONFLICT (username) DO NOTHING
                """).update();
        Sms.SENT.clear();

        // the closed-out case is on the grid member's list for today, first
        JsonNode today = json(mvc.perform(get("/api/v1/patrols/today").with(GRID)).andExpect(status().isOk()));
        boolean listed = false;
        for (JsonNode g : today) {
            if (g.get("grid").get("id").asLong() == gridId) {
                assertThat(g.get("items").get(0).get("enterpriseId").asLong()).isEqualTo(enterprise);
                assertThat(g.get("items").get(0).get("closedOut").asBoolean()).isTrue();
                listed = true;
            }
        }
        assertThat(listed).isTrue();

        long patrolId = startDay(gridId).get("id").asLong();
        // a rebound needs photos
        mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").param("enterpriseId", Long.toString(enterprise))
                        .param("latitude", Double.toString(LAT)).param("longitude", Double.toString(LON + 0.01))
                        .param("finding", "REBOUND").with(GRID).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("photos"));
        JsonNode c = json(mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").file(photo("photos", LAT, LON + 0.01))
                .param("enterpriseId", Long.toString(enterprise)).param("latitude", Double.toString(LAT))
                .param("longitude", Double.toString(LON + 0.01)).param("finding", "REBOUND").param("note", "夜间机器轰鸣，3 名工人在生产")
                .with(GRID).with(csrf())).andExpect(status().isCreated()));

        assertThat(c.get("caseId").asLong()).isEqualTo(caseId);
        assertThat(c.get("sceneHeld").asBoolean()).isTrue();
        assertThat(c.get("enforcementAt").isNull()).isTrue();
        var reopened = cases.get(caseId, org.qingyuan.access.Scope.of(org.qingyuan.shared.DivisionCode.of("410108")));
        assertThat(reopened.rectificationCase().state()).isEqualTo(CaseState.REOPENED);
        assertThat(cases.evidence(caseId, org.qingyuan.access.Scope.of(org.qingyuan.shared.DivisionCode.of("410108"))))
                .anyMatch(a -> a.note() != null && a.note().contains("巡查打卡 #" + c.get("id").asLong()));
        assertThat(c.get("alerted")).extracting(JsonNode::asString).contains("town", "district", "police-test");
        for (String who : List.of("town", "district", "police-test")) {
            assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient = :r AND kind = 'PATROL_REBOUND' AND dedup_key = :k")
                    .param("r", who).param("k", "rebound:" + c.get("id").asLong()).query(Long.class).single()).isEqualTo(1);
        }
        assertThat(Sms.SENT).extracting(m -> m[0]).contains("13800000001", "13800000002");
        assertThat(published.stream(ReboundFound.class).filter(e -> e.checkInId() == c.get("id").asLong()))
                .singleElement().extracting(ReboundFound::caseId).isEqualTo(caseId);
        assertThat(Sms.SENT).allMatch(m -> m[1].contains("反弹警报") && m[1].contains("现场控制"));

        // the check-in page says the scene is held and names the reopened case and who was alerted
        String page = mvc.perform(get("/patrols/check-ins/" + c.get("id").asLong()).with(GRID)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("现场控制中").contains("#" + caseId + "（已重新打开）").contains("派出所联络人").contains("记录执法人员到场");

        // enforcement arrives: the scene is handed over once
        int version = c.get("version").asInt();
        JsonNode handed = json(mvc.perform(post("/api/v1/patrols/check-ins/" + c.get("id").asLong() + "/enforcement").with(GRID).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + version + ", \"note\": \"城关派出所 2 人到场\"}"))
                .andExpect(status().isOk()));
        assertThat(handed.get("enforcementAt").isNull()).isFalse();
        mvc.perform(post("/api/v1/patrols/check-ins/" + c.get("id").asLong() + "/enforcement").with(GRID).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + version + ", \"note\": \"再次\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aReboundAtAnEnterpriseWithoutAClosedCaseIsRefused() throws Exception {
        long enterprise = fixtures.enterprise("无案件厂", LON + 0.02, LAT);
        long gridId = fixtures.grid("无案件网格", null, List.of("grid")).get("id").asLong();
        fixtures.assign(gridId, enterprise);
        long patrolId = startDay(gridId).get("id").asLong();
        mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").file(photo("photos", LAT, LON + 0.02))
                        .param("enterpriseId", Long.toString(enterprise)).param("finding", "REBOUND").with(GRID).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("finding"));
    }

    @Test
    void aGridMemberCannotSeeOrCheckInOutsideHisGrids() throws Exception {
        long mine = fixtures.enterprise("本网格厂", LON + 0.03, LAT);
        long other = fixtures.enterprise("别的网格厂", LON + 0.04, LAT);
        long myGrid = fixtures.grid("我的网格", null, List.of("grid")).get("id").asLong();
        long otherGrid = fixtures.grid("别人的网格", null, List.of()).get("id").asLong();
        fixtures.assign(myGrid, mine);
        fixtures.assign(otherGrid, other);

        mvc.perform(get("/api/v1/grids/" + myGrid).with(GRID)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/grids/" + otherGrid).with(GRID)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("网格不存在或不在您的辖区内"));
        mvc.perform(get("/api/v1/grids/" + otherGrid + "/enterprises").with(GRID)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/grids").with(GRID)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + otherGrid + ")]").isEmpty())
                .andExpect(jsonPath("$[?(@.id == " + myGrid + ")]").isNotEmpty());
        // the village officer (no grid level) sees both
        mvc.perform(get("/api/v1/grids/" + otherGrid).with(org.qingyuan.access.internal.TestLogins.as(
                org.qingyuan.access.RoleCode.VILLAGE_OFFICER, PatrolFixtures.VILLAGE))).andExpect(status().isOk());

        mvc.perform(post("/api/v1/patrols").with(GRID).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"DAY\", \"gridId\": " + otherGrid + "}")).andExpect(status().isNotFound());
        long patrolId = startDay(myGrid).get("id").asLong();
        mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").param("enterpriseId", Long.toString(other))
                .with(GRID).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/patrols/" + patrolId + "/check-in").param("enterprise", Long.toString(other)).with(GRID))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").param("enterpriseId", Long.toString(mine))
                .with(GRID).with(csrf())).andExpect(status().isCreated());
    }

    @Test
    void aNewSuspectedSiteIsRecordedWithPhotosAndPositionAndPublished() throws Exception {
        long gridId = fixtures.grid("扫街网格", null, List.of("grid")).get("id").asLong();
        long patrolId = startDay(gridId).get("id").asLong();
        mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").param("finding", "NEW_SITE")
                        .param("latitude", "34.85").param("longitude", "113.62").with(GRID).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("photos"));
        JsonNode c = json(mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").file(photo("photos", 34.85, 113.62))
                .param("finding", "NEW_SITE").param("latitude", "34.85").param("longitude", "113.62").param("note", "彩钢房内有喷漆作业")
                .with(GRID).with(csrf())).andExpect(status().isCreated()));
        assertThat(c.get("enterpriseId").isNull()).isTrue();
        assertThat(c.get("photoIds")).hasSize(1);
        assertThat(c.get("latitude").asDouble()).isEqualTo(34.85);
        // published for the lead queue, with what it needs to register the lead
        assertThat(published.stream(SuspectedSiteReported.class).filter(e -> e.checkInId() == c.get("id").asLong()))
                .singleElement().satisfies(e -> {
                    assertThat(e.latitude()).isEqualTo(34.85);
                    assertThat(e.photoIds()).hasSize(1);
                    assertThat(e.gridId()).isEqualTo(gridId);
                    assertThat(e.note()).isEqualTo("彩钢房内有喷漆作业");
                });
        // and it waits in the town's lead queue, filed as the grid member, with a copy of the photo (the check-in keeps its own)
        long leadId = jdbc.sql("SELECT id FROM lead WHERE source = 'PATROL' AND source_ref = :r")
                .param("r", "巡查打卡 #" + c.get("id").asLong()).query(Long.class).single();
        mvc.perform(get("/api/v1/leads/" + leadId).with(GRID)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("OPEN")).andExpect(jsonPath("$.town").value("410108001"))
                .andExpect(jsonPath("$.description").value("彩钢房内有喷漆作业")).andExpect(jsonPath("$.latitude").value(34.85))
                .andExpect(jsonPath("$.reportedBy").value("grid"));
        mvc.perform(get("/api/v1/leads/" + leadId + "/photos").with(GRID)).andExpect(jsonPath("$.length()").value(1));
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_attachment WHERE owner_type = 'PatrolCheckIn' AND owner_id = :id")
                .param("id", c.get("id").asLong()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCheckInQueuedWithoutSignalIsRecordedOnceAtItsOwnTimeEvenAfterThePatrolEnded() throws Exception {
        long site = fixtures.enterprise("离线打卡厂", LON, LAT);
        long gridId = fixtures.grid("离线网格", null, List.of("grid")).get("id").asLong();
        fixtures.assign(gridId, site);
        JsonNode patrol = startDay(gridId);
        long patrolId = patrol.get("id").asLong();
        java.time.Instant taken = java.time.Instant.now().minusSeconds(60);
        String key = "phone-" + System.nanoTime();
        // ended while the phone was still without signal
        mvc.perform(post("/api/v1/patrols/" + patrolId + "/end").with(GRID).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": " + patrol.get("version").asInt() + "}")).andExpect(status().isOk());
        var send = (java.util.function.Supplier<org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder>) () ->
                (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder) multipart("/api/v1/patrols/" + patrolId + "/check-ins")
                        .file(photo("photos", LAT, LON)).param("enterpriseId", Long.toString(site))
                        .param("latitude", Double.toString(LAT)).param("longitude", Double.toString(LON))
                        .param("clientKey", key).param("takenAt", taken.toString()).with(GRID).with(csrf());
        JsonNode first = json(mvc.perform(send.get()).andExpect(status().isCreated()));
        JsonNode again = json(mvc.perform(send.get()).andExpect(status().isCreated()));
        assertThat(again.get("id").asLong()).as("a resend answers the first check-in").isEqualTo(first.get("id").asLong());
        assertThat(jdbc.sql("SELECT count(*) FROM patrol_check_in WHERE client_key = :k").param("k", key).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT checked_at FROM patrol_check_in WHERE client_key = :k").param("k", key)
                .query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(taken.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        // without a time of its own, an ended patrol takes no check-in; a time outside the patrol is refused by field
        mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").param("enterpriseId", Long.toString(site))
                .with(GRID).with(csrf())).andExpect(status().isConflict());
        mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").param("enterpriseId", Long.toString(site))
                        .param("clientKey", key + "-b").param("takenAt", java.time.Instant.now().plusSeconds(3600).toString())
                        .with(GRID).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("takenAt"));
        mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").param("enterpriseId", Long.toString(site))
                        .param("clientKey", "坏 key").with(GRID).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("clientKey"));
    }
}
