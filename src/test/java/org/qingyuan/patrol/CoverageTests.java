package org.qingyuan.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.qingyuan.patrol.PatrolFixtures.GRID;
import static org.qingyuan.patrol.PatrolFixtures.VILLAGE;
import static org.qingyuan.patrol.PatrolFixtures.json;
import static org.qingyuan.patrol.PatrolFixtures.photo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.Policies;
import org.qingyuan.rectification.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/** 巡查覆盖: a check-in at the site counts as reached, one far from it does not; rows by grid, village and town; the never-visited listed. */
@SpringBootTest
@AutoConfigureMockMvc
class CoverageTests {

    static final double LON = 101.6101;
    static final double LAT = 31.7101;

    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;

    PatrolFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PatrolFixtures(mvc, ledger, policies, events, tx, cases);
    }

    @Test
    void onlyACheckInAtTheSiteCountsAsReachedAndTheNeverVisitedAreListed() throws Exception {
        long reached = fixtures.enterprise("覆盖甲厂", LON, LAT);
        long missed = fixtures.enterprise("覆盖乙厂", LON + 0.01, LAT);
        long gridId = fixtures.grid("覆盖网格", null, List.of("grid")).get("id").asLong();
        fixtures.assign(gridId, reached);
        fixtures.assign(gridId, missed);
        long patrolId = json(mvc.perform(post("/api/v1/patrols").with(GRID).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"DAY\", \"gridId\": " + gridId + "}")).andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").file(photo("photos", LAT, LON))
                .param("enterpriseId", Long.toString(reached)).param("latitude", Double.toString(LAT + 0.0003))
                .param("longitude", Double.toString(LON)).param("finding", "NOTHING").with(GRID).with(csrf())).andExpect(status().isCreated());
        // checked in from the office, 5 km away: recorded, flagged, and not a visit
        mvc.perform(multipart("/api/v1/patrols/" + patrolId + "/check-ins").file(photo("photos", LAT, LON))
                .param("enterpriseId", Long.toString(missed)).param("latitude", Double.toString(LAT + 0.05))
                .param("longitude", Double.toString(LON)).param("finding", "NOTHING").with(GRID).with(csrf())).andExpect(status().isCreated());

        JsonNode byGrid = json(mvc.perform(get("/api/v1/statistics/coverage?division=" + VILLAGE + "&by=grid").with(district()))
                .andExpect(status().isOk()));
        JsonNode row = null;
        for (JsonNode r : byGrid.get("rows")) {
            if (r.get("key").asString().equals(Long.toString(gridId))) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("enterprises").asInt()).isEqualTo(2);
        assertThat(row.get("visited").asInt()).isEqualTo(1);
        assertThat(row.get("unvisited").asInt()).isEqualTo(1);
        assertThat(row.get("rate").asDouble()).isEqualTo(0.5);
        assertThat(row.get("dayPatrols").asInt()).isEqualTo(1);
        assertThat(row.get("nightPatrols").isNull()).isTrue();
        JsonNode unvisited = json(mvc.perform(get(row.get("link").asString()).with(district())).andExpect(status().isOk()));
        assertThat(unvisited.findValuesAsString("name")).anySatisfy(n -> assertThat(n).startsWith("覆盖乙厂"))
                .noneSatisfy(n -> assertThat(n).startsWith("覆盖甲厂"));

        JsonNode byTown = json(mvc.perform(get("/api/v1/statistics/coverage?by=town").with(district())).andExpect(status().isOk()));
        assertThat(byTown.get("rows").get(0).get("key").asString()).isEqualTo("410108001");
        assertThat(byTown.get("rows").get(0).get("nightPatrols").isNumber()).isTrue();
        assertThat(byTown.get("total").get("enterprises").asInt()).isGreaterThanOrEqualTo(2);

        mvc.perform(get("/api/v1/statistics/coverage?division=410108002&by=grid").with(as(RoleCode.TOWN_OFFICER, "410108001")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/statistics/coverage?by=colour").with(district())).andExpect(status().isBadRequest());
        mvc.perform(get("/statistics/coverage?division=" + VILLAGE + "&by=grid&key=" + gridId).with(district()))
                .andExpect(status().isOk());
    }
}
