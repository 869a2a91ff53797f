package org.qingyuan.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.shared.Sm3;
import org.qingyuan.supervision.internal.ProblemService;
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
 * Supervision through its API (issue 17 §1–§3): a covert round drawn reproducibly with at least 20% of each town,
 * invisible to the town until inspected; an inspection contradicting a close-out reopens the case and counts against the
 * town; the problem is tracked to its close-out; an overdue one climbs the ladder to a summons.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SupervisionApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RequestPostProcessor SUPERVISOR = as(RoleCode.SUPERVISOR, "410108");
    static final RequestPostProcessor OFFICE = as(RoleCode.DISTRICT_OFFICE, "410108");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ProblemService problems;

    JsonNode json(org.springframework.test.web.servlet.RequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    JsonNode postJson(String path, String body, RequestPostProcessor who, int expected) throws Exception {
        return json(post(path).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body), expected);
    }

    long drawCovert(String seed) throws Exception {
        return postJson("/api/v1/supervision/rounds", "{\"name\": \"暗访测试\", \"mode\": \"COVERT\", \"seed\": \"" + seed + "\"}",
                SUPERVISOR, 201).get("id").asLong();
    }

    @Test
    void aRoundDrawsAtLeastTheShareOfEachTownAndAnyoneCanReRunItFromTheSeedAndTheList() throws Exception {
        long round = drawCovert("api-test-seed-1");
        JsonNode r = json(get("/api/v1/supervision/rounds/" + round).with(SUPERVISOR), 200);
        String population = mvc.perform(get("/api/v1/supervision/rounds/" + round + "/population").with(SUPERVISOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Sm3.hex(population)).isEqualTo(r.get("populationDigest").asString());
        assertThat(r.get("share").decimalValue()).isEqualByComparingTo("0.20");
        // at least 20% of every town
        Map<String, Integer> sizes = new HashMap<>();
        population.lines().forEach(l -> sizes.merge(l.split("\t")[1], 1, Integer::sum));
        JsonNode tasks = json(get("/api/v1/supervision/tasks?round=" + round).with(SUPERVISOR), 200);
        Map<String, Integer> drawn = new HashMap<>();
        tasks.forEach(t -> drawn.merge(t.get("townCode").asString(), 1, Integer::sum));
        sizes.forEach((town, size) -> assertThat(drawn.getOrDefault(town, 0)).as(town).isGreaterThanOrEqualTo((int) Math.ceil(size * 0.2)));
        // the platform re-runs it, and so can anyone with the seed and the list
        JsonNode rerun = json(get("/api/v1/supervision/rounds/" + round + "/rerun").with(SUPERVISOR), 200);
        assertThat(rerun.get("identical").asBoolean()).isTrue();
        assertThat(rerun.get("digestMatches").asBoolean()).isTrue();
        JsonNode again = postJson("/api/v1/supervision/draws", JSON.writeValueAsString(Map.of("seed", "api-test-seed-1",
                "share", new BigDecimal("0.20"), "population", population)), as(RoleCode.TOWN_OFFICER, "410108001"), 200);
        assertThat(again.get("populationDigest").asString()).isEqualTo(r.get("populationDigest").asString());
        List<Long> ids = new java.util.ArrayList<>();
        again.get("drawn").forEach(d -> ids.add(d.get("enterpriseId").asLong()));
        List<Long> stored = new java.util.ArrayList<>();
        tasks.forEach(t -> stored.add(t.get("enterpriseId").asLong()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(stored);
        // a bad list is refused by line
        postJson("/api/v1/supervision/draws", "{\"seed\": \"x\", \"share\": 0.2, \"population\": \"1\\t410108001\\n\"}", SUPERVISOR, 400);
        // a share below the plan's is refused by field
        assertThat(postJson("/api/v1/supervision/rounds", "{\"name\": \"低比例\", \"mode\": \"OPEN\", \"share\": 0.1}", SUPERVISOR, 400)
                .get("field").asString()).isEqualTo("share");
        // the town may not draw
        postJson("/api/v1/supervision/rounds", "{\"name\": \"x\", \"mode\": \"OPEN\"}", as(RoleCode.TOWN_OFFICER, "410108001"), 403);
    }

    @Test
    void aCovertTaskIsHiddenUntilDoneAndAContradictedCloseOutReopensTheCaseAndIsTrackedToItsCloseOut() throws Exception {
        long round = drawCovert("api-test-seed-2");
        JsonNode tasks = json(get("/api/v1/supervision/tasks?round=" + round).with(SUPERVISOR), 200);
        JsonNode closed = null;
        for (JsonNode t : tasks) {
            if (t.get("stratum").get("state").asString().equals("CLOSED_OUT") && t.get("townCode").asString().equals("410108001")) {
                closed = t;
                break;
            }
        }
        assertThat(closed).as("a closed-out site of 410108001 drawn").isNotNull();
        long task = closed.get("id").asLong();
        RequestPostProcessor town = as(RoleCode.TOWN_OFFICER, "410108001");
        assertThat(json(get("/api/v1/supervision/tasks?round=" + round).with(town), 200)).isEmpty();
        json(get("/api/v1/supervision/tasks/" + task).with(town), 404);
        json(get("/api/v1/supervision/rounds/" + round).with(town), 404);

        JsonNode checklist = json(get("/api/v1/supervision/tasks/" + task).with(SUPERVISOR), 200).get("checklist");
        String item = checklist.get(0).get("item").asString();
        double lat = 34.85;
        double lon = 113.62;
        var photo = new MockMultipartFile("photos", "现场.jpg", "image/jpeg", DemoPhotos.sitePhoto(true, 11, "supervision", Instant.now(), lat, lon));
        // an item not as claimed needs a note
        json(multipart("/api/v1/supervision/tasks/" + task + "/inspection").file(photo).param("version", "0")
                .param("latitude", "34.85").param("longitude", "113.62")
                .param("findings", "[{\"item\": \"" + item + "\", \"ok\": false}]").with(SUPERVISOR).with(csrf()), 400);
        JsonNode done = json(multipart("/api/v1/supervision/tasks/" + task + "/inspection").file(photo).param("version", "0")
                .param("latitude", "34.85").param("longitude", "113.62").param("note", "暗访发现")
                .param("findings", "[{\"item\": \"" + item + "\", \"ok\": false, \"note\": \"声称已完成，现场未落实\"}]")
                .with(SUPERVISOR).with(csrf()), 200);
        assertThat(done.get("outcome").asString()).isEqualTo("PROBLEM");
        // done: the town sees it now
        json(get("/api/v1/supervision/tasks/" + task).with(town), 200);
        long caseId = done.get("caseId").asLong();
        assertThat(jdbc.sql("SELECT state FROM rectification_case WHERE id = :id").param("id", caseId).query(String.class).single())
                .isNotEqualTo("CLOSED_OUT");
        long problem = jdbc.sql("SELECT id FROM supervision_problem WHERE task_id = :t").param("t", task).query(Long.class).single();
        JsonNode p = json(get("/api/v1/supervision/problems/" + problem).with(SUPERVISOR), 200).get("problem");
        assertThat(p.get("reopenedCase").asBoolean()).isTrue();
        assertThat(p.get("state").asString()).isEqualTo("FOUND");
        // not yet handed over: the town does not see it
        json(get("/api/v1/supervision/problems/" + problem).with(town), 404);

        p = postJson("/api/v1/supervision/problems/" + problem + "/hand-over", "{\"version\": 0, \"handedToKind\": \"TOWN\", \"responsiblePerson\": \"王建国\"}",
                SUPERVISOR, 200).get("problem");
        assertThat(p.get("state").asString()).isEqualTo("HANDED_OVER");
        assertThat(LocalDate.parse(p.get("deadline").asString())).isAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(14));
        var after = new MockMultipartFile("files", "整改后.jpg", "image/jpeg", DemoPhotos.sitePhoto(false, 12, "supervision", Instant.now(), lat, lon));
        // the town may not verify its own work
        postJson("/api/v1/supervision/problems/" + problem + "/verification", "{\"version\": 1, \"accepted\": true}", town, 403);
        p = json(multipart("/api/v1/supervision/problems/" + problem + "/rectification").file(after).param("version", "1")
                .param("note", "已断电并清除设备").with(town).with(csrf()), 200).get("problem");
        assertThat(p.get("state").asString()).isEqualTo("RECTIFIED");
        // a stale version is a conflict
        postJson("/api/v1/supervision/problems/" + problem + "/verification", "{\"version\": 1, \"accepted\": true}", SUPERVISOR, 409);
        p = postJson("/api/v1/supervision/problems/" + problem + "/verification", "{\"version\": 2, \"accepted\": true}", SUPERVISOR, 200)
                .get("problem");
        assertThat(p.get("state").asString()).isEqualTo("VERIFIED");
        p = postJson("/api/v1/supervision/problems/" + problem + "/close-out", "{\"version\": 3}", SUPERVISOR, 200).get("problem");
        assertThat(p.get("state").asString()).isEqualTo("CLOSED_OUT");
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE object_type = 'SupervisionProblem' AND object_id = :id AND outcome = 'SUCCESS'")
                .param("id", Long.toString(problem)).query(String.class).list()).contains("SUPERVISION_PROBLEM_HANDED_OVER",
                "SUPERVISION_PROBLEM_RECTIFIED", "SUPERVISION_PROBLEM_VERIFIED", "SUPERVISION_PROBLEM_CLOSED_OUT");

        // the round's estimate for the town now has an interval and flags the reported rate
        JsonNode estimates = json(get("/api/v1/supervision/rounds/" + round + "/estimates").with(SUPERVISOR), 200);
        JsonNode mine = null;
        for (JsonNode e : estimates) {
            if (e.get("townCode").asString().equals("410108001")) {
                mine = e;
            }
        }
        assertThat(mine.get("holdUp").get("inspected").asInt()).isEqualTo(1);
        assertThat(mine.get("possiblyOverReporting").asBoolean()).isTrue();
    }

    @Test
    void anOverdueProblemClimbsTheLadderToASummonsWhichIsRecorded() throws Exception {
        long round = drawCovert("api-test-seed-3");
        JsonNode t = json(get("/api/v1/supervision/tasks?round=" + round).with(SUPERVISOR), 200).get(0);
        long task = t.get("id").asLong();
        var photo = new MockMultipartFile("photos", "现场.jpg", "image/jpeg", DemoPhotos.sitePhoto(true, 21, "supervision", Instant.now(), 34.85, 113.62));
        json(multipart("/api/v1/supervision/tasks/" + task + "/inspection").file(photo).param("version", "0")
                .param("findings", "[{\"item\": \"NO_PRODUCTION\", \"ok\": false, \"note\": \"现场有工人生产\"}]")
                .with(SUPERVISOR).with(csrf()), 200);
        long problem = jdbc.sql("SELECT id FROM supervision_problem WHERE task_id = :t").param("t", task).query(Long.class).single();
        postJson("/api/v1/supervision/problems/" + problem + "/hand-over", "{\"version\": 0, \"handedToKind\": \"TOWN\"}", SUPERVISOR, 200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(problems.escalate(today)).isZero();
        // the clock moves past the deadline: a notice with a new deadline
        problems.escalate(today.plusDays(40));
        JsonNode view = json(get("/api/v1/supervision/problems/" + problem).with(SUPERVISOR), 200);
        assertThat(view.get("escalations")).hasSize(1);
        assertThat(view.get("escalations").get(0).get("kind").asString()).isEqualTo("NOTICE");
        assertThat(LocalDate.parse(view.get("problem").get("deadline").asString())).isAfter(today.plusDays(40));
        // the same day again: nothing more
        problems.escalate(today.plusDays(40));
        // past the notice's deadline: the summons
        problems.escalate(today.plusDays(80));
        problems.escalate(today.plusDays(120));
        view = json(get("/api/v1/supervision/problems/" + problem).with(SUPERVISOR), 200);
        assertThat(view.get("escalations")).hasSize(2);
        JsonNode summons = view.get("escalations").get(1);
        assertThat(summons.get("kind").asString()).isEqualTo("SUMMONS");
        long id = summons.get("id").asLong();
        var minutes = new MockMultipartFile("files", "约谈纪要.pdf", "application/pdf",
                "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes());
        json(multipart("/api/v1/supervision/escalations/" + id + "/summons").file(minutes).param("version", "0")
                .param("heldOn", today.toString()).param("attendees", "镇长、分管副镇长").param("minutes", "通报问题，要求限期整改")
                .with(SUPERVISOR).with(csrf()), 400);
        view = json(multipart("/api/v1/supervision/escalations/" + id + "/summons").file(minutes).param("version", "0")
                .param("heldOn", today.toString()).param("attendees", "镇长、分管副镇长").param("minutes", "通报问题，要求限期整改")
                .param("commitments", "十日内整改到位").with(OFFICE).with(csrf()), 200);
        assertThat(view.get("escalations").get(1).get("heldOn").asString()).isEqualTo(today.toString());
        assertThat(view.get("files")).isNotEmpty();
    }

    @Test
    void aProblemHandedToADepartmentIsItsOwnToRectify() throws Exception {
        long round = drawCovert("api-test-seed-4");
        JsonNode t = json(get("/api/v1/supervision/tasks?round=" + round).with(SUPERVISOR), 200).get(1);
        long task = t.get("id").asLong();
        String town = t.get("townCode").asString();
        var photo = new MockMultipartFile("photos", "现场.jpg", "image/jpeg", DemoPhotos.sitePhoto(true, 31, "supervision", Instant.now(), 34.85, 113.62));
        json(multipart("/api/v1/supervision/tasks/" + task + "/inspection").file(photo).param("version", "0")
                .param("findings", "[{\"item\": \"NO_PRODUCTION\", \"ok\": false, \"note\": \"夜间偷排\"}]")
                .with(SUPERVISOR).with(csrf()), 200);
        long problem = jdbc.sql("SELECT id FROM supervision_problem WHERE task_id = :t").param("t", task).query(Long.class).single();
        // an unknown department is refused by field
        assertThat(postJson("/api/v1/supervision/problems/" + problem + "/hand-over", "{\"version\": 0, \"handedToKind\": \"DEPARTMENT\", \"handedTo\": \"NOPE\"}",
                SUPERVISOR, 400).get("field").asString()).isEqualTo("handedTo");
        postJson("/api/v1/supervision/problems/" + problem + "/hand-over", "{\"version\": 0, \"handedToKind\": \"DEPARTMENT\", \"handedTo\": \"ENVIRONMENT\"}",
                SUPERVISOR, 200);
        RequestPostProcessor env = as(RoleCode.DEPARTMENT_OFFICER, "410108", "ENVIRONMENT");
        RequestPostProcessor police = as(RoleCode.DEPARTMENT_OFFICER, "410108", "PUBLIC_SECURITY");
        assertThat(json(get("/api/v1/supervision/problems").with(env), 200).findValuesAsString("id")).isNotNull();
        json(get("/api/v1/supervision/problems/" + problem).with(env), 200);
        json(get("/api/v1/supervision/problems/" + problem).with(police), 404);
        var after = new MockMultipartFile("files", "整改.jpg", "image/jpeg", DemoPhotos.sitePhoto(false, 32, "supervision", Instant.now(), 34.85, 113.62));
        // the town sees it in its ledger but the department reports
        json(multipart("/api/v1/supervision/problems/" + problem + "/rectification").file(after).param("version", "1").param("note", "已整改")
                .with(as(RoleCode.TOWN_OFFICER, town)).with(csrf()), 409);
        JsonNode p = json(multipart("/api/v1/supervision/problems/" + problem + "/rectification").file(after).param("version", "1")
                .param("note", "已立案查处并责令停产").with(env).with(csrf()), 200).get("problem");
        assertThat(p.get("state").asString()).isEqualTo("RECTIFIED");
    }
}
