package org.qingyuan.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.qingyuan.patrol.PatrolFixtures.GRID;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.patrol.PatrolFixtures;
import org.qingyuan.policy.Policies;
import org.qingyuan.rectification.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class GridApiTests {

    /** A square around (100.005, 30.005), far from every demo site. */
    static final String SQUARE = "{\"type\": \"Polygon\", \"coordinates\": [[[100.0, 30.0], [100.01, 30.0], [100.01, 30.01], [100.0, 30.01], [100.0, 30.0]]]}";

    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired Grids grids;
    @Autowired JdbcClient jdbc;

    PatrolFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PatrolFixtures(mvc, ledger, policies, events, tx, cases);
    }

    @Test
    void enterprisesInsideABoundaryBelongToItsGridByTheirCoordinates() throws Exception {
        long before = fixtures.enterprise("先登记厂", 100.004, 30.004);
        JsonNode grid = fixtures.grid("坐标网格", SQUARE, List.of("grid"));
        long gridId = grid.get("id").asLong();
        long after = fixtures.enterprise("后登记厂", 100.006, 30.006);
        long outside = fixtures.enterprise("界外厂", 100.02, 30.02);

        assertThat(grids.ofEnterprise(before)).get().extracting(GridAssignment::gridId).isEqualTo(gridId);
        assertThat(grids.ofEnterprise(before).get().assignedBy()).isEqualTo(GridAssignment.AssignedBy.BOUNDARY);
        assertThat(grids.ofEnterprise(after)).get().extracting(GridAssignment::gridId).isEqualTo(gridId);
        assertThat(grids.ofEnterprise(outside)).isEmpty();
        mvc.perform(get("/api/v1/grids/" + gridId + "/enterprises").with(district())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));

        // the ledger filters and shows by grid
        mvc.perform(get("/api/v1/enterprises").param("grid", Long.toString(gridId)).param("status", "ALL").with(district()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/enterprises").param("grid", "x").with(district())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grid"));
        mvc.perform(get("/enterprises").param("grid", Long.toString(gridId)).with(district())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("网格：金河社区 · " + grid.get("name").asString())))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("共 2 家")));

        // by hand only where no boundary decides
        long boundless = fixtures.grid("人工网格", null, List.of()).get("id").asLong();
        mvc.perform(put("/api/v1/grids/" + boundless + "/enterprises/" + before).with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("按坐标归属")));
        fixtures.assign(boundless, outside);
        assertThat(grids.ofEnterprise(outside).get().assignedBy()).isEqualTo(GridAssignment.AssignedBy.HAND);

        // moving the boundary away releases the enterprises it held; the hand assignment stays
        String moved = SQUARE.replace("100.0,", "100.5,").replace("100.01,", "100.51,").replace("[100.0, ", "[100.5, ").replace("[100.01, ", "[100.51, ");
        mvc.perform(put("/api/v1/grids/" + gridId).with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + grid.get("name").asString() + "\", \"boundary\": " + moved
                                + ", \"members\": [\"grid\"], \"version\": " + grid.get("version").asInt() + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        assertThat(grids.ofEnterprise(before)).isEmpty();
        assertThat(grids.ofEnterprise(outside).get().gridId()).isEqualTo(boundless);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action IN ('GRID_CREATED', 'GRID_CHANGED') AND object_id = :id")
                .param("id", Long.toString(gridId)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aStaleGridIsAConflictAndBadInputNamesTheField() throws Exception {
        JsonNode grid = fixtures.grid("版本网格", null, List.of());
        String body = "{\"name\": \"" + grid.get("name").asString() + "x\", \"boundary\": null, \"members\": [], \"version\": ";
        mvc.perform(put("/api/v1/grids/" + grid.get("id").asLong()).with(district()).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body + "1}")).andExpect(status().isOk());
        mvc.perform(put("/api/v1/grids/" + grid.get("id").asLong()).with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body + "1}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已被他人修改")));
        mvc.perform(post("/api/v1/grids").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"villageCode\": \"410108001001\", \"name\": \"坏边界" + System.nanoTime() + "\", \"boundary\": {\"type\": \"Point\", \"coordinates\": [1, 2]}, \"members\": [\"town\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'boundary')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'members')]").doesNotExist());
        mvc.perform(post("/api/v1/grids").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"villageCode\": \"410108001001\", \"name\": \"非网格员" + System.nanoTime() + "\", \"members\": [\"town\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("members"))
                .andExpect(jsonPath("$.errors[0].message").value("“town”不是本村（社区）的网格员账号"));
        // a grid member cannot draw grids
        mvc.perform(post("/api/v1/grids").with(GRID).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }
}
