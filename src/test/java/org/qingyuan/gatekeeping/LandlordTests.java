package org.qingyuan.gatekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Classifications;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseSummary;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.shared.DivisionCode;
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
 * Landlords (issue 18 §7): registered with their premises, guarantee letters stored as files with their date; a tenant
 * confirmed as 散乱污 notifies the village and the town to stop the lease, and flags a village collective's lease.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LandlordTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RequestPostProcessor OFFICE = as(RoleCode.DISTRICT_OFFICE, "410108");
    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Ledger ledger;
    @Autowired Classifications classifications;

    @Test
    void aTenantConfirmedAsSlwNotifiesTheVillageAndFlagsTheCollectiveLease() throws Exception {
        String town = jdbc.sql("SELECT division_code FROM app_user WHERE username = 'town'").query(String.class).single();
        EnterpriseSummary tenant = ledger.search(EnterpriseQuery.all().page(0, 200), Scope.of(DivisionCode.of(town))).items().stream()
                .filter(e -> e.classification() != null && !e.classification().pending()
                        && (e.classification().measureKind() == null || e.classification().measureKind() == MeasureKind.SUPERVISE))
                .findFirst().orElseThrow();
        String village = tenant.division().value();
        String body = JSON.writeValueAsString(Map.of("name", "某村股份经济合作社", "kind", "VILLAGE_COLLECTIVE",
                "divisionCode", village, "enterpriseIds", List.of(tenant.id().value())));
        JsonNode landlord = JSON.readTree(mvc.perform(post("/api/v1/landlords").with(OFFICE).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        long id = landlord.path("id").asLong();

        // a guarantee letter needs its file
        mvc.perform(multipart("/api/v1/landlords/" + id + "/guarantees").param("signedOn", "2026-11-02").with(OFFICE).with(csrf()))
                .andExpect(status().isBadRequest());
        var file = new MockMultipartFile("file", "保证书.pdf", "application/pdf",
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        JsonNode letter = JSON.readTree(mvc.perform(multipart("/api/v1/landlords/" + id + "/guarantees").file(file)
                        .param("signedOn", "2026-11-02").with(OFFICE).with(csrf())).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(letter.path("signedOn").asString()).isEqualTo("2026-11-02");
        assertThat(letter.path("attachmentId").asLong()).isPositive();

        var current = classifications.current(new EnterpriseId(tenant.id().value()), DISTRICT);
        classifications.override(current.id(), current.version(), MeasureKind.SHUTDOWN, "关停取缔", Map.of(),
                "联合检查确认为散乱污", DISTRICT);

        assertThat(jdbc.sql("SELECT count(*) FROM landlord_notice WHERE landlord_id = :id AND village_collective")
                .param("id", id).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM notification n JOIN app_user u ON u.username = n.recipient
                         WHERE n.kind = 'LANDLORD_STOP_LEASING' AND u.username = 'town'
                        """).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LANDLORD_NOTIFIED' AND object_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isOne();

        String page = mvc.perform(get("/landlords").with(OFFICE)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("某村股份经济合作社").contains("计入镇街责任考核").contains("保证书 2026-11-02");
        mvc.perform(get("/landlords").with(as(RoleCode.LEADER, "410108"))).andExpect(status().isForbidden());
    }
}
