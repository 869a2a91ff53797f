package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qingyuan.access.internal.TestLogins;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prefix rule on a fixture tree of two towns with two villages each: every user × object
 * read answers 200 when the user's division contains the object's, 404 otherwise (never 403),
 * for the enterprise, its history and its files; and list counts agree.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JurisdictionTests {

    static final List<String> VILLAGES = List.of("410108001001", "410108001002", "410108002001", "410108002002");

    @Autowired
    MockMvc mvc;

    final JsonMapper json = JsonMapper.builder().build();
    final String marker = "辖区测试" + UUID.randomUUID().toString().substring(0, 6);
    /** enterprise id → its village; attachment id → its village. */
    final Map<Long, String> enterprises = new LinkedHashMap<>();
    final Map<Long, String> attachments = new LinkedHashMap<>();

    record Caller(String name, RequestPostProcessor login, String division) {
    }

    List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("district", TestLogins.as(RoleCode.DISTRICT_OFFICE, "410108"), "410108"));
        callers.add(new Caller("leader", TestLogins.as(RoleCode.LEADER, "410108"), "410108"));
        callers.add(new Caller("supervisor", TestLogins.as(RoleCode.SUPERVISOR, "410108"), "410108"));
        callers.add(new Caller("env-dept", TestLogins.as(RoleCode.DEPARTMENT_OFFICER, "410108"), "410108"));
        callers.add(new Caller("town A", TestLogins.as(RoleCode.TOWN_OFFICER, "410108001"), "410108001"));
        callers.add(new Caller("town B", TestLogins.as(RoleCode.TOWN_OFFICER, "410108002"), "410108002"));
        for (String village : VILLAGES) {
            callers.add(new Caller("village " + village, TestLogins.as(RoleCode.VILLAGE_OFFICER, village), village));
            callers.add(new Caller("grid " + village, TestLogins.as(RoleCode.GRID_MEMBER, village), village));
        }
        callers.add(new Caller("other district", TestLogins.as(RoleCode.DISTRICT_OFFICE, "410102"), "410102"));
        return callers;
    }

    @BeforeAll
    void fixtureTree() throws Exception {
        for (String village : VILLAGES) {
            for (int i = 0; i < 2; i++) {
                String body = """
                        {"name": "%s%s号作坊%d", "divisionCode": "%s", "type": "SLW", "discovery": "PATROL"}
                        """.formatted(marker, village.substring(9), i, village);
                String created = mvc.perform(post("/api/v1/enterprises").with(TestLogins.district()).with(csrf())
                                .contentType(MediaType.APPLICATION_JSON).content(body))
                        .andReturn().getResponse().getContentAsString();
                long id = json.readTree(created).get("id").asLong();
                enterprises.put(id, village);
                byte[] photo = DemoPhotos.sitePhoto(false, id, "scope", null, null, null);
                String uploaded = mvc.perform(multipart("/api/v1/enterprises/" + id + "/attachments")
                                .file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", photo)).param("category", "BEFORE")
                                .with(TestLogins.district()).with(csrf()))
                        .andReturn().getResponse().getContentAsString();
                attachments.put(json.readTree(uploaded).get("id").asLong(), village);
            }
        }
        assertThat(enterprises).hasSize(8);
        assertThat(attachments).hasSize(8);
    }

    @Test
    void everyReadAnswers200InsideTheCallersDivisionAnd404Outside() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Caller caller : callers()) {
            DivisionCode scope = DivisionCode.of(caller.division());
            for (var e : enterprises.entrySet()) {
                int expected = scope.contains(DivisionCode.of(e.getValue())) ? 200 : 404;
                for (String path : List.of("/api/v1/enterprises/" + e.getKey(), "/api/v1/enterprises/" + e.getKey() + "/history",
                        "/api/v1/enterprises/" + e.getKey() + "/attachments")) {
                    check(caller, path, expected, wrong);
                }
            }
            for (var a : attachments.entrySet()) {
                int expected = scope.contains(DivisionCode.of(a.getValue())) ? 200 : 404;
                check(caller, "/api/v1/attachments/" + a.getKey() + "/content", expected, wrong);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void listCountsAgreeWithThePrefixRule() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Caller caller : callers()) {
            DivisionCode scope = DivisionCode.of(caller.division());
            long expected = enterprises.values().stream().filter(v -> scope.contains(DivisionCode.of(v))).count();
            String answer = mvc.perform(get("/api/v1/enterprises").param("q", marker).param("size", "100").with(caller.login()))
                    .andReturn().getResponse().getContentAsString();
            long total = json.readTree(answer).get("total").asLong();
            long items = json.readTree(answer).get("items").size();
            if (total != expected || items != expected) {
                wrong.add(caller.name() + ": total " + total + ", items " + items + ", expected " + expected);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private void check(Caller caller, String path, int expected, List<String> wrong) throws Exception {
        int status = mvc.perform(get(path).with(caller.login())).andReturn().getResponse().getStatus();
        if (status != expected) {
            wrong.add(caller.name() + " GET " + path + " → " + status + " (expected " + expected + ")");
        }
    }
}
