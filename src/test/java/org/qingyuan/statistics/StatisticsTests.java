package org.qingyuan.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics over HTTP with a moved clock: yesterday's figures stay yesterday's when today's data change; today's
 * reconstruction equals the live tables; every figure links to its enterprises; jurisdiction and bad parameters.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StatisticsTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 大河路街道 and one of its villages; 迎宾路街道's village the enterprise moves to. */
    static final String TOWN = "410108006";
    static final String OTHER_TOWN = "410108005";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Huiji: against the planning → 限期拆除 (a shutdown case). */
    static final String SHUTDOWN_FACTS = """
            "conformsToPlanning": false, "hasEiaApproval": true, "hasPlanningApproval": true, "hasBusinessLicence": true,
            "hasIllegalBuildings": false, "emissionsOverStandard": false""";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    String village(String town) {
        return jdbc.sql("SELECT min(code) FROM division WHERE parent_code = :t").param("t", town).query(String.class).single();
    }

    long register(String village, String facts) throws Exception {
        String body = """
                {"name": "统计测试厂%s", "divisionCode": "%s", "type": "SLW", "discovery": "PATROL", "industry": "GARMENT",
                 "reportedOn": "%s", "facts": {%s}}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), village, today(), facts);
        return JSON.readTree(mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    void edit(long id, String fields) throws Exception {
        int version = JSON.readTree(mvc.perform(get("/api/v1/enterprises/" + id).with(district()))
                .andReturn().getResponse().getContentAsString()).get("version").asInt();
        mvc.perform(patch("/api/v1/enterprises/" + id).with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + ", \"reason\": \"核实更正\", " + fields + "}"))
                .andExpect(status().isOk());
    }

    JsonNode tally(String division, String by, LocalDate asOf) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/statistics/ledger").with(district())
                        .param("division", division).param("by", by).param("asOf", asOf.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    static Map<String, Integer> counts(JsonNode tally) {
        Map<String, Integer> m = new HashMap<>();
        tally.get("rows").forEach(r -> m.put(r.get("key").asString(), r.get("count").asInt()));
        return m;
    }

    @Test
    void yesterdaysFiguresStayYesterdaysWhenTodaysDataChange() throws Exception {
        LocalDate day0 = today();
        Map<String, Integer> typesBefore = counts(tally(TOWN, "type", day0));
        Map<String, Integer> statesBefore = counts(tally(TOWN, "state", day0));
        int districtTownBefore = counts(tally("410108", "town", day0)).get(TOWN);

        long shutdown = register(village(TOWN), SHUTDOWN_FACTS);
        long other = register(village(TOWN), SHUTDOWN_FACTS);

        Map<String, Integer> types0 = counts(tally(TOWN, "type", day0));
        assertThat(types0.get("SLW")).isEqualTo(typesBefore.get("SLW") + 2);
        assertThat(counts(tally(TOWN, "state", day0)).get("REGISTERED")).isEqualTo(statesBefore.get("REGISTERED") + 2);
        assertThat(counts(tally(TOWN, "measure", day0)).get("SHUTDOWN")).isPositive();

        // its strip: not yet in the ledger at the end of last month, registered with a shutdown case at today's end
        mvc.perform(get("/api/v1/statistics/enterprises/" + shutdown + "/periods").with(district()).param("count", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods.length()").value(2))
                .andExpect(jsonPath("$.periods[0].registered").value(false))
                .andExpect(jsonPath("$.periods[1].end").value(day0.toString()))
                .andExpect(jsonPath("$.periods[1].registered").value(true))
                .andExpect(jsonPath("$.periods[1].state").value("REGISTERED"))
                .andExpect(jsonPath("$.periods[1].measureLabel").value("关停取缔"));
        mvc.perform(get("/api/v1/statistics/enterprises/" + shutdown + "/periods").with(as(RoleCode.TOWN_OFFICER, "410108001")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/statistics/enterprises/" + shutdown + "/periods").with(district()).param("every", "quarter"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("季度")));

        // the next day: one becomes 八小 and moves to another town, the other leaves the ledger (its case is withdrawn)
        clock.advance(Duration.ofDays(1));
        LocalDate day1 = today();
        edit(shutdown, "\"type\": \"EIGHT_SMALL\", \"divisionCode\": \"" + village(OTHER_TOWN) + "\"");
        mvc.perform(post("/api/v1/enterprises/" + other + "/withdrawal").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"ENTERED_IN_ERROR\", \"note\": \"统计测试\"}"))
                .andExpect(status().isOk());

        assertThat(counts(tally(TOWN, "type", day0))).as("yesterday's figures are yesterday's").isEqualTo(types0);
        assertThat(counts(tally(TOWN, "state", day0)).get("REGISTERED")).isEqualTo(statesBefore.get("REGISTERED") + 2);
        assertThat(counts(tally("410108", "town", day0)).get(TOWN)).isEqualTo(districtTownBefore + 2);

        Map<String, Integer> types1 = counts(tally(TOWN, "type", day1));
        assertThat(types1.get("SLW")).isEqualTo(typesBefore.get("SLW"));
        assertThat(counts(tally(TOWN, "state", day1)).get("REGISTERED")).isEqualTo(statesBefore.get("REGISTERED"));
        assertThat(counts(tally("410108", "town", day1)).get(TOWN)).isEqualTo(districtTownBefore);
        assertThat(counts(tally(OTHER_TOWN, "type", day1)).get("EIGHT_SMALL"))
                .isEqualTo(counts(tally(OTHER_TOWN, "type", day0)).get("EIGHT_SMALL") + 1);

        // the enterprises behind yesterday's figure include both, as they were then
        JsonNode behind = JSON.readTree(mvc.perform(get("/api/v1/statistics/ledger/enterprises").with(district())
                        .param("division", TOWN).param("by", "type").param("key", "SLW").param("asOf", day0.toString())
                        .param("size", "500"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(behind.get("total").asInt()).isEqualTo(types0.get("SLW"));
        List<Long> ids = new java.util.ArrayList<>();
        behind.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertThat(ids).contains(shutdown, other);

        // the strip says the same: at today's end the one left the ledger, the other is 八小 elsewhere with its case
        mvc.perform(get("/api/v1/statistics/enterprises/" + other + "/periods").with(district()).param("count", "1"))
                .andExpect(jsonPath("$.periods[0].active").value(false))
                .andExpect(jsonPath("$.periods[0].state").value("WITHDRAWN"));
        mvc.perform(get("/api/v1/statistics/enterprises/" + shutdown + "/periods").with(district()).param("count", "1"))
                .andExpect(jsonPath("$.periods[0].typeLabel").value("八小"))
                .andExpect(jsonPath("$.periods[0].divisionCode").value(village(OTHER_TOWN)));
    }

    @Test
    void todaysReconstructionEqualsTheLiveTables() throws Exception {
        JsonNode byState = tally("410108", "state", today());
        Map<String, Integer> live = new HashMap<>();
        jdbc.sql("""
                        SELECT coalesce(c.state, 'NONE'), count(*) FROM enterprise e LEFT JOIN rectification_case c ON c.enterprise_id = e.id
                         WHERE e.status = 'ACTIVE' AND e.division_code LIKE '410108%' AND e.created_at <= now() GROUP BY 1
                        """)
                .query((rs, i) -> live.put(rs.getString(1), rs.getInt(2))).list();
        counts(byState).forEach((state, count) -> assertThat(count).as(state).isEqualTo(live.getOrDefault(state, 0)));
        assertThat(byState.get("total").asInt()).isEqualTo(live.values().stream().mapToInt(Integer::intValue).sum());

        JsonNode byTown = tally("410108", "town", today());
        assertThat(byTown.get("rows")).extracting(r -> r.get("key").asString()).contains("410108001", "410108100", TOWN);
        int sum = 0;
        for (JsonNode r : byTown.get("rows")) {
            sum += r.get("count").asInt();
            assertThat(r.get("link").asString()).startsWith("/statistics/enterprises?division=410108&asOf=")
                    .contains("&by=town&key=" + r.get("key").asString());
            assertThat(r.get("figures").get("closedOut").asInt()).isLessThanOrEqualTo(r.get("figures").get("toRectify").asInt());
        }
        assertThat(sum).isEqualTo(byTown.get("total").asInt());
    }

    @Test
    void theStatisticsKeepToTheCallersJurisdictionAndNameBadParameters() throws Exception {
        mvc.perform(get("/api/v1/statistics/ledger").with(as(RoleCode.TOWN_OFFICER, "410108001"))
                        .param("division", "410108").param("by", "town"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/statistics/ledger").with(as(RoleCode.TOWN_OFFICER, "410108001")).param("by", "village"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.division").value("410108001"))
                .andExpect(jsonPath("$.rows[0].key").value(org.hamcrest.Matchers.startsWith("410108001")));
        mvc.perform(get("/api/v1/statistics/ledger").with(district()).param("by", "colour"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("by")));
        mvc.perform(get("/api/v1/statistics/ledger").with(district()).param("asOf", today().plusDays(2).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("asOf")));
        mvc.perform(get("/api/v1/statistics/ledger").with(district()).param("asOf", "2026-13-01"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theStatisticsTableIsExportedInTheDocumentsStyle() throws Exception {
        byte[] file = mvc.perform(get("/statistics/export").with(district()).param("by", "town"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).contains("惠济区").contains("统计表");
            assertThat(rows.get(1).getCellText(0)).contains("填报单位（盖章）").contains("统计截止日期");
            assertThat(rows.get(2).getCellText(0)).startsWith("联络员：");
            assertThat(rows.get(3).getCellText(0)).isEqualTo("镇（街道）");
            assertThat(rows).anySatisfy(r -> assertThat(r.getCellText(0)).isEqualTo("合计"));
            assertThat(rows).anySatisfy(r -> assertThat(r.getCellText(0)).isEqualTo("大河路街道"));
        }
        mvc.perform(get("/statistics/export").with(as(RoleCode.GRID_MEMBER, "410108001001"))).andExpect(status().isForbidden());
    }
}
