package org.qingyuan.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.statistics.Dimension;
import org.qingyuan.statistics.LedgerStatistics;
import org.qingyuan.statistics.Tally;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A kept tally recounted for the enterprises written since (issue 22 §1) equals the tally counted afresh in one grouped
 * statement, for every grouping, for the district and for a town, this period and a past one, after registrations
 * (with a shutdown case), a move to another town with a new type, and a withdrawal (its case withdrawn).
 */
@SpringBootTest(properties = "qingyuan.statistics.keep=PT10M")
@AutoConfigureMockMvc
class TallyRecountTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOWN = "410108006";
    static final String OTHER_TOWN = "410108005";
    static final String SHUTDOWN_FACTS = """
            "conformsToPlanning": false, "hasEiaApproval": true, "hasPlanningApproval": true, "hasBusinessLicence": true,
            "hasIllegalBuildings": false, "emissionsOverStandard": false""";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired LedgerStatistics statistics;
    @Autowired StatisticsService service;
    @Autowired TallyCache cache;
    @Autowired Clock clock;

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    String village(String town) {
        return jdbc.sql("SELECT min(code) FROM division WHERE parent_code = :t").param("t", town).query(String.class).single();
    }

    long register(String village, String facts) throws Exception {
        String body = """
                {"name": "重算测试厂%s", "divisionCode": "%s", "type": "SLW", "discovery": "PATROL", "industry": "GARMENT",
                 "reportedOn": "%s", "facts": {%s}}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), village, today(), facts);
        return JSON.readTree(mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    record Question(String division, Dimension by, LocalDate asOf, LocalDate from) {
    }

    List<Question> questions() {
        List<Question> all = new ArrayList<>();
        for (String division : List.of("410108", TOWN, OTHER_TOWN)) {
            for (Dimension by : Dimension.values()) {
                all.add(new Question(division, by, today(), today().withDayOfMonth(1)));
                all.add(new Question(division, by, today().minusDays(1), today().minusDays(7)));
            }
        }
        return all;
    }

    Tally kept(Question q) {
        return statistics.tally(Scope.of(DivisionCode.of("410108")), DivisionCode.of(q.division()), q.by(), q.asOf(), q.from());
    }

    @Test
    void aRecountedTallyEqualsTheTallyCountedAfresh() throws Exception {
        for (Question q : questions()) {
            assertThat(kept(q)).as("%s before", q).isEqualTo(service.counted(DivisionCode.of(q.division()), q.by(), q.asOf(), q.from()));
        }
        long recountsBefore = cache.recounts();

        long shutdown = register(village(TOWN), SHUTDOWN_FACTS);
        long other = register(village(TOWN), SHUTDOWN_FACTS);
        register(village(OTHER_TOWN), "");
        int version = JSON.readTree(mvc.perform(get("/api/v1/enterprises/" + shutdown).with(district()))
                .andReturn().getResponse().getContentAsString()).get("version").asInt();
        mvc.perform(patch("/api/v1/enterprises/" + shutdown).with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + ", \"reason\": \"核实更正\", \"type\": \"EIGHT_SMALL\", \"divisionCode\": \""
                                + village(OTHER_TOWN) + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/enterprises/" + other + "/withdrawal").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"ENTERED_IN_ERROR\", \"note\": \"重算测试\"}"))
                .andExpect(status().isOk());

        for (Question q : questions()) {
            Tally afresh = service.counted(DivisionCode.of(q.division()), q.by(), q.asOf(), q.from());
            assertThat(kept(q)).as("%s after the writes", q).isEqualTo(afresh);
        }
        assertThat(cache.recounts() - recountsBefore).as("tallies recounted in part, not in full").isEqualTo(questions().size());
        assertThat(kept(new Question("410108", Dimension.TOWN, today(), today().withDayOfMonth(1))).rows())
                .filteredOn(r -> r.key().equals(OTHER_TOWN)).singleElement()
                .satisfies(r -> assertThat(r.total()).isPositive());
    }

    @Test
    void theFullCountAfterKeepRunsInTheBackgroundWhileTheAskerIsAnsweredAtOnce() throws Exception {
        TallyCache own = new TallyCache(jdbc, java.time.Duration.ofMillis(300));
        try {
            java.util.concurrent.atomic.AtomicInteger full = new java.util.concurrent.atomic.AtomicInteger();
            Tally first = new Tally(null, "一", null, null, null, null, List.of());
            Tally second = new Tally(null, "二", null, null, null, null, List.of());
            TallyCache.Counting counting = new TallyCache.Counting() {
                @Override
                public TallyCache.Counted all() {
                    if (full.incrementAndGet() == 1) {
                        return new TallyCache.Counted(first, new Shares(java.util.Map.of()));
                    }
                    try {
                        Thread.sleep(1_000);   // a district's full count under load
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new TallyCache.Counted(second, new Shares(java.util.Map.of()));
                }

                @Override
                public TallyCache.Counted again(TallyCache.Counted before, long[] touched) {
                    return before;
                }
            };
            TallyCache.Key key = new TallyCache.Key("B", "TOWN", "t", "f");
            assertThat(own.get(key, counting)).isSameAs(first);
            Thread.sleep(400);   // older than keep: due for a full count
            long start = System.nanoTime();
            assertThat(own.get(key, counting)).as("answered the kept count, not after the full one").isSameAs(first);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofMillis(800));
            assertThat(own.get(key, counting)).isSameAs(first);   // one full count pending, not two
            for (int i = 0; i < 50 && own.fullInBackground() == 0; i++) {
                Thread.sleep(100);
            }
            assertThat(own.fullInBackground()).isEqualTo(1);
            assertThat(full).hasValue(2);
            assertThat(own.get(key, counting)).isSameAs(second);
        } finally {
            own.stop();
        }
    }

    @Test
    void theLeastRecentlyAskedTalliesDropTheirSharesBeyondTheNodesBudget() {
        TallyCache own = new TallyCache(jdbc, java.time.Duration.ofMinutes(10));
        try {
            int each = TallyCache.MAX_SHARES * 3 / 8;   // three of them are more than the budget, two are not
            java.util.Map<String, Tally> tallies = new java.util.HashMap<>();
            for (String name : List.of("A", "B", "C")) {
                java.util.Map<Long, Shares.Share> shares = new java.util.HashMap<>();
                for (long id = 0; id < each; id++) {
                    shares.put(id, new Shares.Share("410108001", null, 0));
                }
                Tally tally = new Tally(null, name, null, null, null, null, List.of());
                tallies.put(name, tally);
                assertThat(own.get(new TallyCache.Key(name, "TOWN", "t", "f"), new TallyCache.Counting() {
                    @Override
                    public TallyCache.Counted all() {
                        return new TallyCache.Counted(tally, new Shares(shares));
                    }

                    @Override
                    public TallyCache.Counted again(TallyCache.Counted before, long[] touched) {
                        throw new AssertionError("nothing was written");
                    }
                })).isSameAs(tally);
            }
            assertThat(own.sharesKept()).isEqualTo(2L * each);
            // A lost its shares, not its tally: asked again with nothing changed it is answered without counting
            assertThat(own.get(new TallyCache.Key("A", "TOWN", "t", "f"), () -> {
                throw new AssertionError("a kept tally was counted again");
            })).isSameAs(tallies.get("A"));
        } finally {
            own.stop();
        }
    }
}
