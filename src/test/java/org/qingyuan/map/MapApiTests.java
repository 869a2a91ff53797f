package org.qingyuan.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map's data (issue 20 §1): single markers inside the view, cells counted on the server past the point limit,
 * filters, the jurisdiction, the card, the outline, and placing an enterprise as a ledger edit with version and reason.
 */
@SpringBootTest(properties = "qingyuan.map.point-limit=40")
@AutoConfigureMockMvc
class MapApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RequestPostProcessor OFFICE = as(RoleCode.DISTRICT_OFFICE, "410108");
    static final String DISTRICT_BOX = "113.0,34.0,114.5,35.5";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    JsonNode json(RequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    long placed(String prefix, String extra) {
        return jdbc.sql("SELECT count(*) FROM map_site WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND division_code LIKE :p || '%'"
                + extra).param("p", prefix).query(Long.class).single();
    }

    @Test
    void pastThePointLimitTheServerCountsCellsAndAStreetShowsSingleMarkers() throws Exception {
        JsonNode whole = json(get("/api/v1/map/view").param("bbox", DISTRICT_BOX).param("zoom", "11").with(OFFICE), 200);
        assertThat(whole.path("mode").asString()).isEqualTo("cells");
        long sum = 0;
        for (JsonNode c : whole.path("cells")) {
            sum += c.path("count").asLong();
        }
        assertThat(sum).isEqualTo(placed("410108", ""));

        JsonNode one = jdbc.sql("SELECT latitude, longitude FROM map_site WHERE division_code LIKE '410108%' AND latitude IS NOT NULL LIMIT 1")
                .query((rs, i) -> JSON.createObjectNode().put("lat", rs.getDouble(1)).put("lng", rs.getDouble(2))).single();
        double lat = one.path("lat").asDouble(), lng = one.path("lng").asDouble();
        String box = (lng - 0.0005) + "," + (lat - 0.0005) + "," + (lng + 0.0005) + "," + (lat + 0.0005);
        JsonNode street = json(get("/api/v1/map/view").param("bbox", box).param("zoom", "18").with(OFFICE), 200);
        assertThat(street.path("mode").asString()).isEqualTo("points");
        assertThat(street.path("points").size()).isPositive();
        for (JsonNode p : street.path("points")) {
            assertThat(p.path("lat").asDouble()).isBetween(lat - 0.0005, lat + 0.0005);
        }
    }

    @Test
    void filtersByMeasureOverdueAndTownNarrowTheMarkers() throws Exception {
        RequestPostProcessor office = OFFICE;
        JsonNode shutdown = json(get("/api/v1/map/view").param("bbox", DISTRICT_BOX).param("zoom", "18")
                .param("measure", "SHUTDOWN").param("overdue", "true").with(office), 200);
        long expected = placed("410108", " AND measure = 'SHUTDOWN' AND state NOT IN ('CLOSED_OUT', 'WITHDRAWN') AND deadline < current_date");
        if (shutdown.path("mode").asString().equals("points")) {
            assertThat((long) shutdown.path("points").size()).isEqualTo(expected);
            shutdown.path("points").forEach(p -> {
                assertThat(p.path("measure").asString()).isEqualTo("SHUTDOWN");
                assertThat(p.path("overdue").asBoolean()).isTrue();
            });
        }
        String town = jdbc.sql("SELECT left(division_code, 9) FROM map_site WHERE division_code LIKE '410108%' AND latitude IS NOT NULL "
                + "GROUP BY 1 ORDER BY count(*) LIMIT 1").query(String.class).single();
        JsonNode inTown = json(get("/api/v1/map/view").param("bbox", DISTRICT_BOX).param("zoom", "18").param("division", town).with(office), 200);
        assertThat(inTown.path("mode").asString()).isEqualTo("points");
        assertThat((long) inTown.path("points").size()).isEqualTo(placed(town, ""));

        json(get("/api/v1/map/view").param("bbox", DISTRICT_BOX).param("measure", "NUKE").with(office), 400);
        json(get("/api/v1/map/view").param("bbox", "1,2,3").with(office), 400);
        json(get("/api/v1/map/view").param("bbox", DISTRICT_BOX).param("division", "650105").with(office), 404);
    }

    @Test
    void aTownOfficerSeesOnlyHisTownAndNoCardOutsideIt() throws Exception {
        String town = "410108001";
        RequestPostProcessor officer = as(RoleCode.TOWN_OFFICER, town);
        JsonNode view = json(get("/api/v1/map/view").param("bbox", DISTRICT_BOX).param("zoom", "18").with(officer), 200);
        long count = view.path("mode").asString().equals("points") ? view.path("points").size() : 0;
        if (view.path("mode").asString().equals("cells")) {
            for (JsonNode c : view.path("cells")) {
                count += c.path("count").asLong();
            }
        }
        assertThat(count).isEqualTo(placed(town, ""));
        long outside = jdbc.sql("SELECT enterprise_id FROM map_site WHERE division_code LIKE '410108%' AND division_code NOT LIKE :t || '%' LIMIT 1")
                .param("t", town).query(Long.class).single();
        json(get("/api/v1/map/enterprises/" + outside).with(officer), 404);
        JsonNode card = json(get("/api/v1/map/enterprises/" + outside).with(OFFICE), 200);
        assertThat(card.path("enterpriseHref").asString()).isEqualTo("/enterprises/" + outside);
    }

    @Test
    void theExtentHoldsEveryPlacedEnterpriseOfTheJurisdictionAndNoneOfAnother() throws Exception {
        JsonNode box = json(get("/api/v1/map/extent").with(OFFICE), 200);
        var bounds = jdbc.sql("""
                SELECT min(latitude), min(longitude), max(latitude), max(longitude) FROM map_site
                 WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND division_code LIKE '410108%'
                """).query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).single();
        assertThat(box.path("south").asDouble()).isEqualTo(bounds[0]);
        assertThat(box.path("west").asDouble()).isEqualTo(bounds[1]);
        assertThat(box.path("north").asDouble()).isEqualTo(bounds[2]);
        assertThat(box.path("east").asDouble()).isEqualTo(bounds[3]);
        JsonNode town = json(get("/api/v1/map/extent").with(as(RoleCode.TOWN_OFFICER, "410108001")), 200);
        assertThat(town.path("north").asDouble()).isLessThanOrEqualTo(bounds[2]);
        assertThat(json(get("/api/v1/map/extent").param("measure", "NUKE").with(OFFICE), 400)).isNotNull();
    }

    @Test
    void theCardOfAnEnterpriseWithACaseLinksTheCase() throws Exception {
        long[] row = jdbc.sql("SELECT enterprise_id, case_id FROM map_site WHERE case_id IS NOT NULL AND division_code LIKE '410108%' LIMIT 1")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        JsonNode card = json(get("/api/v1/map/enterprises/" + row[0]).with(OFFICE), 200);
        assertThat(card.path("caseHref").asString()).isEqualTo("/cases/" + row[1]);
        assertThat(card.path("stateLabel").asString()).isNotBlank();
    }

    @Autowired org.qingyuan.map.internal.Dashboards dashboards;
    @Autowired org.qingyuan.statistics.LedgerStatistics statistics;

    @Test
    void theHomePagesFiguresAreTheStatisticsOfTodayAndItsWeeksComeFromHistory() {
        var scope = org.qingyuan.access.Scope.of(org.qingyuan.shared.DivisionCode.of("410108"));
        var overview = dashboards.overview(scope);
        var tally = statistics.tally(scope, null, org.qingyuan.statistics.Dimension.TOWN, null, null).total();
        assertThat(overview.total()).isEqualTo(tally.total());
        assertThat(overview.toRectify()).isEqualTo(tally.toRectify());
        assertThat(overview.closedOut()).isEqualTo(tally.closedOut());
        assertThat(overview.charts()).extracting(org.qingyuan.map.internal.Chart::id)
                .containsExactly("weekly", "work", "places", "category", "measure", "state", "reports");
        var weekly = dashboards.weekly(scope);
        assertThat(weekly.labels()).hasSize(8);
        assertThat(weekly.series()).allSatisfy(series -> assertThat(series.data()).hasSize(8));
        var lastWeek = statistics.tally(scope, null, org.qingyuan.statistics.Dimension.TYPE, null,
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).with(java.time.DayOfWeek.MONDAY)).total();
        assertThat(weekly.series().get(0).data().get(7).longValue()).isEqualTo(lastWeek.found());
        assertThat(weekly.series().get(1).data().get(7).longValue()).isEqualTo(lastWeek.closedOutInPeriod());
    }

    @Test
    void theDistrictsOutlineIsServedFromTheShippedBoundaries() throws Exception {
        JsonNode outline = json(get("/api/v1/map/outline").with(OFFICE), 200);
        assertThat(outline.path("features").path(0).path("properties").path("code").asString()).isEqualTo("410108");
    }

    @Test
    void placingAnEnterpriseIsALedgerEditWithItsReasonAndAStaleVersionIsRefused() throws Exception {
        long id = jdbc.sql("SELECT max(id) FROM enterprise WHERE status = 'ACTIVE' AND division_code LIKE '410108%'").query(Long.class).single();
        jdbc.sql("UPDATE enterprise SET latitude = NULL, longitude = NULL WHERE id = :id").param("id", id).update();
        int version = jdbc.sql("SELECT version FROM enterprise WHERE id = :id").param("id", id).query(Integer.class).single();
        JsonNode unplaced = json(get("/api/v1/map/unplaced").with(OFFICE), 200);
        assertThat(unplaced.path("count").asLong()).isPositive();

        String noReason = "{\"latitude\": 34.86, \"longitude\": 113.6, \"version\": " + version + ", \"reason\": \" \"}";
        JsonNode problem = json(post("/api/v1/map/enterprises/" + id + "/position").with(OFFICE).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(noReason), 400);
        assertThat(problem.toString()).contains("reason");
        json(post("/api/v1/map/enterprises/" + id + "/position").with(as(RoleCode.LEADER, "410108")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(noReason.replace("\" \"", "\"核实\"")), 403);

        String body = "{\"latitude\": 34.86, \"longitude\": 113.6, \"version\": " + version + ", \"reason\": \"现场核实位置\"}";
        JsonNode placed = json(post("/api/v1/map/enterprises/" + id + "/position").with(OFFICE).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body), 200);
        assertThat(placed.path("version").asInt()).isEqualTo(version + 1);
        assertThat(jdbc.sql("SELECT reason FROM enterprise_version WHERE enterprise_id = :id AND version = :v")
                .param("id", id).param("v", version + 1).query(String.class).single()).isEqualTo("现场核实位置");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'ENTERPRISE_EDITED' AND object_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isPositive();

        json(post("/api/v1/map/enterprises/" + id + "/position").with(OFFICE).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body), 409);
    }
}
