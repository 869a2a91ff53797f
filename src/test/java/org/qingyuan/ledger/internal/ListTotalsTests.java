package org.qingyuan.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger list keeps its totals per question while the ledger is unchanged: every page and sort of a question shares
 * one count, and after each kind of write (a registration, an edit that moves an enterprise to another town and type,
 * a withdrawal) every question's total equals the rows counted afresh by SQL written here, not by the list's own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ListTotalsTests {

    static final String TOWN = "410108006";
    static final String OTHER_TOWN = "410108005";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ListTotals totals;

    /** A question as asked through the API, and the same question as plain SQL over the enterprise table. */
    record Question(String query, RequestPostProcessor who, String sql) {
    }

    static RequestPostProcessor town() {
        return as(org.qingyuan.access.RoleCode.TOWN_OFFICER, TOWN);
    }

    String word = "总数" + UUID.randomUUID().toString().substring(0, 6);

    List<Question> questions() {
        return List.of(
                new Question("", district(), "division_code LIKE '410108%' AND status = 'ACTIVE'"),
                new Question("", town(), "division_code LIKE '" + TOWN + "%' AND status = 'ACTIVE'"),
                new Question("division=" + OTHER_TOWN, district(), "division_code LIKE '" + OTHER_TOWN + "%' AND status = 'ACTIVE'"),
                new Question("type=EIGHT_SMALL", district(), "division_code LIKE '410108%' AND status = 'ACTIVE' AND enterprise_type = 'EIGHT_SMALL'"),
                new Question("type=SLW&industry=GARMENT", town(),
                        "division_code LIKE '" + TOWN + "%' AND status = 'ACTIVE' AND enterprise_type = 'SLW' AND industry = 'GARMENT'"),
                new Question("status=WITHDRAWN", district(), "division_code LIKE '410108%' AND status = 'WITHDRAWN'"),
                new Question("status=ALL", town(), "division_code LIKE '" + TOWN + "%'"),
                new Question("q=" + word, district(), "division_code LIKE '410108%' AND status = 'ACTIVE' AND name LIKE '%" + word + "%'"));
    }

    JsonNode list(String query, RequestPostProcessor who) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/enterprises?size=5&" + query).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    long afresh(Question q) {
        return jdbc.sql("SELECT count(*) FROM enterprise WHERE " + q.sql()).query(Long.class).single();
    }

    Map<String, Long> listed() throws Exception {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Question q : questions()) {
            totals.put(q.query() + " " + q.sql(), list(q.query(), q.who()).get("total").asLong());
        }
        return totals;
    }

    Map<String, Long> counted() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Question q : questions()) {
            totals.put(q.query() + " " + q.sql(), afresh(q));
        }
        return totals;
    }

    String village(String town) {
        return jdbc.sql("SELECT min(code) FROM division WHERE parent_code = :t").param("t", town).query(String.class).single();
    }

    long register(String name) throws Exception {
        String body = """
                {"name": "%s", "divisionCode": "%s", "type": "SLW", "discovery": "PATROL", "industry": "GARMENT"}
                """.formatted(name, village(TOWN));
        return JSON.readTree(mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    @Test
    void everyPageAndSortOfAQuestionSharesOneCount() throws Exception {
        long total = list("type=SLW", district()).get("total").asLong();
        long before = totals.counts();
        JsonNode second = list("type=SLW&page=1", district());
        JsonNode byName = list("type=SLW&sort=name&order=asc", district());
        assertThat(second.get("total").asLong()).isEqualTo(total);
        assertThat(byName.get("total").asLong()).isEqualTo(total);
        assertThat(totals.counts()).as("no second count").isEqualTo(before);
        assertThat(second.get("items")).hasSize((int) Math.min(5, Math.max(0, total - 5)));

        list("type=EIGHT_SMALL", district());
        assertThat(totals.counts()).as("another question is counted").isEqualTo(before + 1);
        list("type=SLW", town());
        assertThat(totals.counts()).as("another scope is counted").isEqualTo(before + 2);
    }

    @Test
    void afterEachWriteEveryTotalEqualsTheRowsCountedAfresh() throws Exception {
        assertThat(listed()).as("before").containsExactlyEntriesOf(counted());

        long first = register("总数测试厂" + word);
        long second = register("总数测试二厂" + word);
        assertThat(listed()).as("after two registrations").containsExactlyEntriesOf(counted());

        int version = JSON.readTree(mvc.perform(get("/api/v1/enterprises/" + first).with(district()))
                .andReturn().getResponse().getContentAsString()).get("version").asInt();
        mvc.perform(patch("/api/v1/enterprises/" + first).with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + ", \"reason\": \"核实更正\", \"type\": \"EIGHT_SMALL\", \"divisionCode\": \""
                                + village(OTHER_TOWN) + "\"}"))
                .andExpect(status().isOk());
        assertThat(listed()).as("after a move to another town and type").containsExactlyEntriesOf(counted());

        mvc.perform(post("/api/v1/enterprises/" + second + "/withdrawal").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"ENTERED_IN_ERROR\", \"note\": \"总数测试\"}"))
                .andExpect(status().isOk());
        assertThat(listed()).as("after a withdrawal").containsExactlyEntriesOf(counted());
        assertThat(list("q=" + word, district()).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aKeptTotalIsUsedOnlyForItsStampAndWithinTheKeep() throws Exception {
        ListTotals shortKeep = new ListTotals(jdbc, Duration.ofMillis(300));
        ListTotals.Stamp stamp = shortKeep.stamp();
        shortKeep.counted("q", stamp, 42);
        assertThat(shortKeep.known("q", stamp)).isEqualTo(42);
        assertThat(shortKeep.known("other", stamp)).isNull();
        assertThat(shortKeep.known("q", new ListTotals.Stamp(stamp.newestEnterprise() + 1, stamp.newestChange()))).isNull();
        Thread.sleep(350);
        assertThat(shortKeep.known("q", stamp)).as("older than the keep").isNull();

        register("总数印记厂" + word);
        assertThat(shortKeep.stamp()).as("a registration moves the stamp").isNotEqualTo(stamp);
    }

    @Test
    void aQuestionOnOpenDuplicatesIsAlwaysCounted() {
        org.qingyuan.access.Scope district = org.qingyuan.access.Scope.of(org.qingyuan.shared.DivisionCode.of("410108"));
        assertThat(ListSql.of(org.qingyuan.ledger.EnterpriseQueryParameters.list(Map.of("duplicates", "open")), district)
                .question()).as("the pairs are not in the stamp").isNull();
        assertThat(ListSql.of(org.qingyuan.ledger.EnterpriseQueryParameters.list(Map.of("type", "SLW")), district)
                .question()).contains("SLW");
    }

    @Test
    void aNodeKeepsABoundedNumberOfQuestions() {
        ListTotals small = new ListTotals(jdbc, Duration.ofMinutes(1));
        ListTotals.Stamp stamp = small.stamp();
        for (int i = 0; i <= ListTotals.MAX_KEPT; i++) {
            small.counted("q" + i, stamp, i);
        }
        assertThat(small.known("q0", stamp)).as("the least recently asked dropped").isNull();
        assertThat(small.known("q" + ListTotals.MAX_KEPT, stamp)).isEqualTo(ListTotals.MAX_KEPT);
    }
}
