package org.qingyuan.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.demo.DemoPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one queue of leads over HTTP: a grid member files a finding (once, however often his phone resends it), the town
 * is told, and decides — into the ledger with the lead's source and photos, merged into an enterprise already there,
 * or dismissed with a reason — once, over the version it saw; every step audited and inside the jurisdiction.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LeadApiTests {

    static final String VILLAGE = "410108001001";
    static final String TOWN = "410108001";   // the demo town account's: its officer is told
    static final RequestPostProcessor GRID = as(RoleCode.GRID_MEMBER, VILLAGE);
    static final RequestPostProcessor TOWN_OFFICER = as(RoleCode.TOWN_OFFICER, TOWN);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    JsonNode post(String path, String body, RequestPostProcessor who, int expected) throws Exception {
        String out = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(who).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return out.isEmpty() ? null : JSON.readTree(out);
    }

    JsonNode file(String tag, String ref) throws Exception {
        return post("/api/v1/leads", """
                {"source": "PATROL", "sourceRef": %s, "divisionCode": "%s", "name": "%s喷漆点", "address": "金河路北段%s号",
                 "longitude": 113.61, "latitude": 34.83, "description": "院内有喷漆作业，无环保设施"}
                """.formatted(ref == null ? "null" : "\"" + ref + "\"", VILLAGE, tag, tag), GRID, 201);
    }

    @Test
    void aGridMembersFindingWaitsInItsTownsQueueOnceAndTheTownIsTold() throws Exception {
        String tag = "L" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode lead = file(tag, "checkin-" + tag);
        long id = lead.get("id").asLong();
        assertThat(lead.get("state").asString()).isEqualTo("OPEN");
        assertThat(lead.get("town").asString()).isEqualTo(TOWN);
        assertThat(lead.get("sourceName").asString()).isEqualTo("巡查发现");
        // the phone resends the same check-in's finding: the same lead answers, nothing new is filed or told
        assertThat(file(tag, "checkin-" + tag).get("id").asLong()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT count(*) FROM lead WHERE source_ref = :r").param("r", "checkin-" + tag).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE link = :l").param("l", "/leads/" + id).query(Long.class).single())
                .as("the town's officers are told once").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LEAD_REPORTED' AND object_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/api/v1/leads?state=OPEN&division=" + TOWN).with(TOWN_OFFICER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].name").value(tag + "喷漆点"));
        // another town's officer does not see it, nor can he ask for that town's queue
        mvc.perform(get("/api/v1/leads/" + id).with(as(RoleCode.TOWN_OFFICER, "410108003"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/leads?division=" + TOWN).with(as(RoleCode.TOWN_OFFICER, "410108003"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/leads/" + id).with(district())).andExpect(status().isOk());
    }

    @Test
    void badFindingsAreRefusedByFieldAndOutsideTheJurisdictionNotFound() throws Exception {
        JsonNode bad = post("/api/v1/leads", """
                {"source": "PATROL", "divisionCode": "%s", "description": " ", "longitude": 113.6}
                """.formatted(VILLAGE), GRID, 400);
        assertThat(bad.get("errors").findValuesAsString("field")).contains("description", "latitude");
        post("/api/v1/leads", """
                {"source": "PATROL", "divisionCode": "410108003001", "description": "喷漆"}
                """, GRID, 404);
        JsonNode district = post("/api/v1/leads", """
                {"source": "ASSIGNED", "divisionCode": "410108", "description": "上级转来的卫星图斑"}
                """, district(), 400);
        assertThat(district.get("errors").findValuesAsString("field")).containsExactly("divisionCode");
        post("/api/v1/leads", """
                {"source": "RUMOUR", "divisionCode": "%s", "description": "喷漆"}
                """.formatted(VILLAGE), GRID, 400);
    }

    @Test
    void theTownConfirmsALeadIntoTheLedgerWithItsSourceAndPhotosOnceOverTheVersionItSaw() throws Exception {
        String tag = "C" + UUID.randomUUID().toString().substring(0, 6);
        long id = file(tag, null).get("id").asLong();
        mvc.perform(multipart("/api/v1/leads/" + id + "/photos").file(new MockMultipartFile("file", "现场.jpg", "image/jpeg",
                        DemoPhotos.sitePhoto(false, 7, "lead", Instant.now(), 34.83, 113.61))).with(GRID).with(csrf()))
                .andExpect(status().isCreated());
        // the grid member may file, not decide
        post("/api/v1/leads/" + id + "/dismissal", "{\"version\": 0, \"reason\": \"x\"}", GRID, 403);
        // a missing type and name are refused by field; nothing is registered
        JsonNode bad = post("/api/v1/leads/" + id + "/confirmation",
                "{\"version\": 0, \"enterprise\": {\"name\": \"\", \"divisionCode\": \"" + VILLAGE + "\", \"type\": \"SLW\"}}", TOWN_OFFICER, 400);
        assertThat(bad.get("errors").findValuesAsString("field")).contains("name");
        post("/api/v1/leads/" + id + "/confirmation", "{\"version\": 3, \"enterprise\": {\"name\": \"" + tag + "喷漆点\", \"divisionCode\": \""
                + VILLAGE + "\", \"type\": \"SLW\"}}", TOWN_OFFICER, 409);

        JsonNode done = post("/api/v1/leads/" + id + "/confirmation", "{\"version\": 0, \"reason\": \"现场核实属实\", \"enterprise\": {\"name\": \""
                + tag + "喷漆点\", \"divisionCode\": \"" + VILLAGE + "\", \"address\": \"金河路北段\", \"type\": \"SLW\"}}", TOWN_OFFICER, 200);
        long enterprise = done.get("enterpriseId").asLong();
        assertThat(done.get("lead").get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(done.get("lead").get("enterpriseId").asLong()).isEqualTo(enterprise);
        mvc.perform(get("/api/v1/enterprises/" + enterprise).with(TOWN_OFFICER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.discovery").value("PATROL"));
        mvc.perform(get("/api/v1/enterprises/" + enterprise + "/attachments").with(TOWN_OFFICER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/v1/leads/" + id + "/photos").with(TOWN_OFFICER)).andExpect(jsonPath("$.length()").value(0));
        // decided once: a second decision is a conflict, and the lead is not reopened
        post("/api/v1/leads/" + id + "/dismissal", "{\"version\": 1, \"reason\": \"重复\"}", TOWN_OFFICER, 409);
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE object_type = 'Lead' AND object_id = :id AND action LIKE 'LEAD%' ORDER BY id")
                .param("id", Long.toString(id)).query(String.class).list()).containsExactly("LEAD_REPORTED", "LEAD_CONFIRMED");

        // the same site found again: the ledger's check names the enterprise, and the town merges the lead into it
        long again = file(tag, null).get("id").asLong();
        JsonNode candidates = JSON.readTree(mvc.perform(get("/api/v1/leads/" + again + "/candidates").with(TOWN_OFFICER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(candidates.findValuesAsString("name")).contains(tag + "喷漆点");
        JsonNode merged = post("/api/v1/leads/" + again + "/merge", "{\"version\": 0, \"enterpriseId\": " + enterprise + "}", TOWN_OFFICER, 200);
        assertThat(merged.get("state").asString()).isEqualTo("MERGED");
        assertThat(merged.get("enterpriseId").asLong()).isEqualTo(enterprise);
    }

    @Test
    void aDismissalNeedsItsReasonAndKeepsIt() throws Exception {
        long id = file("D" + UUID.randomUUID().toString().substring(0, 6), null).get("id").asLong();
        JsonNode bad = post("/api/v1/leads/" + id + "/dismissal", "{\"version\": 0, \"reason\": \"  \"}", TOWN_OFFICER, 400);
        assertThat(bad.get("errors").findValuesAsString("field")).containsExactly("reason");
        JsonNode done = post("/api/v1/leads/" + id + "/dismissal", "{\"version\": 0, \"reason\": \"现场为正规汽修厂，手续齐全\"}", TOWN_OFFICER, 200);
        assertThat(done.get("state").asString()).isEqualTo("DISMISSED");
        assertThat(done.get("decisionReason").asString()).isEqualTo("现场为正规汽修厂，手续齐全");
        assertThat(jdbc.sql("SELECT reason FROM audit_record WHERE action = 'LEAD_DISMISSED' AND object_id = :id")
                .param("id", Long.toString(id)).query(String.class).single()).isEqualTo("现场为正规汽修厂，手续齐全");
        mvc.perform(get("/api/v1/leads?state=DISMISSED").with(TOWN_OFFICER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].stateName").value("已排除"));
    }
}
