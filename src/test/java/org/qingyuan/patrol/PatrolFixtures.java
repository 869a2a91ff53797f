package org.qingyuan.patrol;

import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.RoleCode;
import org.qingyuan.access.Scope;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseClassified;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.ClassificationOverride;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.Policies;
import org.qingyuan.rectification.Cases;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.shared.DivisionCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Enterprises, grids and closed-out cases for the patrol tests, made through the modules' public APIs. */
public record PatrolFixtures(MockMvc mvc, Ledger ledger, Policies policies, ApplicationEventPublisher events,
                             TransactionTemplate tx, Cases cases) {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String VILLAGE = "410108001001";
    public static final String TOWN_CODE = "410108001";
    public static final RequestPostProcessor GRID = as(RoleCode.GRID_MEMBER, VILLAGE);
    public static final RequestPostProcessor TOWN = as(RoleCode.TOWN_OFFICER, TOWN_CODE);
    static final RequestPostProcessor ENV = as(RoleCode.DEPARTMENT_OFFICER, "410108");
    /** Huiji: 不符合产业政策 → 限期拆除 (shutdown by 两断三清). */
    static final Facts SHUTDOWN = Facts.of(Map.of("conformsToPlanning", false, "hasEiaApproval", true, "hasPlanningApproval", true,
            "hasBusinessLicence", true, "hasIllegalBuildings", false, "emissionsOverStandard", false, "industry", "铸造"));

    /** An enterprise of the village at the position (far from the demo data's sites when the test chooses so). */
    public long enterprise(String name, double lon, double lat) {
        return ledger.register(new EnterpriseDetails(new EnterpriseDetails.Identity(name + System.nanoTime() % 1_000_000, null, null, null, null),
                new EnterpriseDetails.Place(DivisionCode.of(VILLAGE), "测试路 1 号", lon, lat), null, null,
                new EnterpriseDetails.Campaign(EnterpriseType.SLW, Discovery.PATROL, null, null)), "测试", Scope.of(DivisionCode.of("410108")))
                .id().value();
    }

    /** A grid of the village, created by the district; answers its JSON. */
    public JsonNode grid(String name, String boundary, List<String> members) throws Exception {
        String body = "{\"villageCode\": \"" + VILLAGE + "\", \"name\": \"" + name + System.nanoTime() % 1_000_000 + "\", \"boundary\": "
                + (boundary == null ? "null" : boundary) + ", \"members\": " + JSON.writeValueAsString(members) + "}";
        return JSON.readTree(mvc.perform(post("/api/v1/grids").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    public void assign(long gridId, long enterpriseId) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/grids/" + gridId + "/enterprises/" + enterpriseId)
                .with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}"))
                .andExpect(status().isOk());
    }

    public static MockMultipartFile photo(String field, double lat, double lon) {
        return new MockMultipartFile(field, "现场.jpg", "image/jpeg",
                DemoPhotos.sitePhoto(true, System.nanoTime(), "test", Instant.now() /* not minutes earlier: after midnight in China that is the day before a case */, lat, lon));
    }

    /** Drives a shutdown case of the enterprise to close-out (the grid member records, the department accepts, the town closes). */
    public long closedOutCase(long enterpriseId, double lon, double lat) throws Exception {
        var computed = policies.evaluate("huiji-2017", 1, SHUTDOWN, null, LocalDate.of(2017, 10, 9));
        var classification = ClassificationOverride.of(computed, null, null, Map.of(DeadlineKind.DEMOLISH, LocalDate.now().plusDays(30)),
                "测试用期限", "district", Instant.now()).applyTo(computed);
        tx.executeWithoutResult(s -> events.publishEvent(new EnterprisesClassified(List.of(
                new EnterpriseClassified(enterpriseId, VILLAGE, classification, null, "district", "测试分类")))));
        var c = cases.ofEnterprise(enterpriseId, Scope.of(DivisionCode.of("410108"))).orElseThrow();
        long id = c.id();
        int version = c.version();
        for (Requirement r : List.of(Requirement.CUT_WATER, Requirement.CUT_POWER, Requirement.CLEAR_MATERIALS,
                Requirement.CLEAR_PRODUCTS, Requirement.CLEAR_EQUIPMENT)) {
            var request = multipart("/api/v1/cases/" + id + "/items/" + r.name()).file(photo("files", lat + 0.0003, lon))
                    .param("version", Integer.toString(version)).param("note", r.label() + "已完成");
            if (r.needsUtilityConfirmation()) {
                request.file(new MockMultipartFile("confirmation", "确认函.pdf", "application/pdf",
                        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            }
            version = json(mvc.perform(request.with(GRID).with(csrf())).andExpect(status().isOk())).get("version").asInt();
        }
        version = postJson("/api/v1/cases/" + id + "/submit", "{\"version\": " + version + "}", GRID).get("version").asInt();
        version = postJson("/api/v1/cases/" + id + "/accept", "{\"version\": " + version + ", \"onSiteRecord\": \"现场核查完毕\"}", ENV)
                .get("version").asInt();
        postJson("/api/v1/cases/" + id + "/close-out", "{\"version\": " + version + "}", TOWN);
        return id;
    }

    JsonNode postJson(String path, String body, RequestPostProcessor who) throws Exception {
        return json(mvc.perform(post(path).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()));
    }

    static JsonNode json(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
