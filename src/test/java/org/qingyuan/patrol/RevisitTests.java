package org.qingyuan.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.patrol.PatrolFixtures.GRID;
import static org.qingyuan.patrol.PatrolFixtures.TOWN;
import static org.qingyuan.patrol.PatrolFixtures.json;
import static org.qingyuan.patrol.PatrolFixtures.photo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.patrol.internal.RevisitSweep;
import org.qingyuan.policy.Policies;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.rectification.Cases;
import org.qingyuan.support.MutableClock;
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

/**
 * 回头看 with a moved clock: a close-out schedules the plan's revisits; a revisit coming due and one overdue are
 * reminded; a check-in far from the site or without a photo does not count, one at the site with a photo does; a town
 * adds one; a rebound found on a revisit reopens the case and cancels the revisits still due.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RevisitTests {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    // far from every demo site, so that no demo grid's boundary takes these enterprises
    static final double LON = 101.4101;
    static final double LAT = 31.5101;

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired Ledger ledger;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired JdbcClient jdbc;
    @Autowired RevisitSweep sweep;

    PatrolFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PatrolFixtures(mvc, ledger, policies, events, tx, cases);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    JsonNode checkIn(long gridId, long enterprise, double lat, boolean withPhoto, String finding) throws Exception {
        long patrolId = json(mvc.perform(post("/api/v1/patrols").with(GRID).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"DAY\", \"gridId\": " + gridId + "}")).andExpect(status().isCreated())).get("id").asLong();
        var request = multipart("/api/v1/patrols/" + patrolId + "/check-ins").param("enterpriseId", Long.toString(enterprise))
                .param("latitude", Double.toString(lat)).param("longitude", Double.toString(LON)).param("finding", finding);
        if (withPhoto) {
            request.file(photo("photos", lat, LON));
        }
        if (finding.equals("REBOUND")) {
            request.param("note", "院内机器在运转");
        }
        return json(mvc.perform(request.with(GRID).with(csrf())).andExpect(status().isCreated()));
    }

    List<String> states(long enterprise) {
        return jdbc.sql("SELECT state || ':' || due_on FROM revisit WHERE enterprise_id = :e ORDER BY due_on, id").param("e", enterprise)
                .query(String.class).list();
    }

    @Test
    void aCloseOutSchedulesThePlansRevisitsWhichAreRemindedDoneByAGeofencedCheckInAndCancelledByARebound() throws Exception {
        long enterprise = fixtures.enterprise("回访测试厂", LON, LAT);
        long gridId = fixtures.grid("回访网格", null, List.of("grid")).get("id").asLong();
        fixtures.assign(gridId, enterprise);
        long caseId = fixtures.closedOutCase(enterprise, LON, LAT);
        LocalDate closed = today();
        assertThat(states(enterprise)).as("the plan's schedule: 1, 3 and 6 months after the close-out").containsExactly(
                "DUE:" + closed.plusMonths(1), "DUE:" + closed.plusMonths(3), "DUE:" + closed.plusMonths(6));
        assertThat(sweep.sweep(today()).scheduled()).as("scheduled once, not again by the sweep").isZero();

        // three days before the first one: on the grid member's list first, and reminded once
        clock.advance(Duration.ofDays(closed.plusMonths(1).toEpochDay() - closed.toEpochDay() - 3));
        sweep.sweep(today());
        sweep.sweep(today());
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient = 'grid' AND dedup_key LIKE 'revisit-%-soon' AND title LIKE '%回访测试厂%'")
                .query(Long.class).single()).isEqualTo(1);
        JsonNode today = json(mvc.perform(get("/api/v1/patrols/today").with(GRID)).andExpect(status().isOk()));
        assertThat(today.toString()).contains("回头看 · 应于 " + closed.plusMonths(1));

        // far from the site, or without a photo: the check-in is recorded, the revisit stays due
        checkIn(gridId, enterprise, LAT + 0.01, true, "NOTHING");
        checkIn(gridId, enterprise, LAT, false, "NOTHING");
        assertThat(states(enterprise).get(0)).startsWith("DUE:");
        JsonNode done = checkIn(gridId, enterprise, LAT + 0.0002, true, "NOTHING");
        assertThat(states(enterprise).get(0)).startsWith("DONE:");
        assertThat(jdbc.sql("SELECT check_in_id FROM revisit WHERE enterprise_id = :e AND state = 'DONE'").param("e", enterprise)
                .query(Long.class).single()).isEqualTo(done.get("id").asLong());

        // the town adds one; the second is missed: overdue, reminded to the town, listed as overdue
        mvc.perform(post("/api/v1/revisits").with(TOWN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\": " + enterprise + ", \"dueOn\": \"" + today().minusDays(1) + "\", \"reason\": \"夜间有动静\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dueOn"));
        mvc.perform(post("/api/v1/revisits").with(TOWN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\": " + enterprise + ", \"dueOn\": \"" + closed.plusMonths(5) + "\", \"reason\": \"群众反映夜间有动静\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.origin").value("TOWN"));
        clock.advance(Duration.ofDays(closed.plusMonths(3).toEpochDay() - today().toEpochDay() + 2));
        sweep.sweep(today());
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE dedup_key LIKE 'revisit-%-overdue' AND title LIKE '%回访测试厂%'")
                .query(Long.class).single()).isPositive();
        mvc.perform(get("/api/v1/revisits?state=OVERDUE").with(TOWN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.enterpriseId == " + enterprise + ")].stateName").value("逾期未回访"));

        // the overdue revisit finds production: a rebound; the case reopens and what was still due is cancelled
        checkIn(gridId, enterprise, LAT, true, "REBOUND");
        assertThat(states(enterprise)).containsExactly("DONE:" + closed.plusMonths(1), "DONE:" + closed.plusMonths(3),
                "CANCELLED:" + closed.plusMonths(5), "CANCELLED:" + closed.plusMonths(6));
        assertThat(jdbc.sql("SELECT finding FROM revisit WHERE enterprise_id = :e AND due_on = :d").param("e", enterprise)
                .param("d", closed.plusMonths(3)).query(String.class).single()).isEqualTo("REBOUND");
        assertThat(cases.get(caseId, org.qingyuan.access.Scope.of(org.qingyuan.shared.DivisionCode.of("410108"))).rectificationCase().state().name())
                .isEqualTo("REOPENED");
    }
}
