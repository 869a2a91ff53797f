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
 * a withdrawal, one that commits after a newer one, one rolled back) every question's total equals the rows counted
 * afresh by SQL written here, not by the list's own.
 */
@SpringBootTest(properties = "qingyuan.ledger.search-among-at-most=10")   // so that the demo ledger takes both page paths
@AutoConfigureMockMvc
class ListTotalsTests {

    static final String TOWN = "410108006";
    static final String OTHER_TOWN = "410108005";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ListTotals totals;
    @Autowired org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

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

    /**
     * A text search's page, read among the known matches (few) or by walking the district's or town's rows in list order
     * (many: more than 10 here), holds the rows plain SQL orders there.
     */
    @Test
    void aTextSearchsPagesHoldTheRowsPlainSqlOrders() throws Exception {
        register("总数页厂" + word);
        register("总数页二厂" + word);
        register("总数页三厂" + word);
        String text = "(normalize(lower(name), NFKC) LIKE :w OR normalize(lower(coalesce(address, '')), NFKC) LIKE :w)";
        record Asked(String text, RequestPostProcessor who, String prefix, String sort, String order) {
        }
        List<Asked> asked = List.of(new Asked("厂", district(), "410108", "reportedOn", "reported_on DESC, id DESC"),
                new Asked("厂", town(), TOWN, "reportedOn", "reported_on DESC, id DESC"),
                new Asked("厂", district(), "410108", "name&order=asc", "name ASC, id ASC"),
                new Asked(word, district(), "410108", "reportedOn", "reported_on DESC, id DESC"));
        for (Asked a : asked) {
            long matches = jdbc.sql("SELECT count(*) FROM enterprise WHERE division_code LIKE :p AND status = 'ACTIVE' AND " + text)
                    .param("p", a.prefix() + "%").param("w", "%" + a.text() + "%").query(Long.class).single();
            assertThat(matches).as(a.text()).isGreaterThanOrEqualTo(3);
            for (int page = 0; page < 3; page++) {
                JsonNode listed = list("q=" + a.text() + "&page=" + page + "&sort=" + a.sort(), a.who());
                List<Long> ids = new java.util.ArrayList<>();
                listed.get("items").forEach(i -> ids.add(i.get("id").asLong()));
                assertThat(ids).as(a + " page " + page).containsExactlyElementsOf(jdbc.sql("SELECT id FROM enterprise WHERE division_code LIKE :p"
                                + " AND status = 'ACTIVE' AND " + text + " ORDER BY " + a.order() + " LIMIT 5 OFFSET " + page * 5)
                        .param("p", a.prefix() + "%").param("w", "%" + a.text() + "%").query(Long.class).list());
                assertThat(listed.get("total").asLong()).isEqualTo(matches);
            }
        }
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

    /** The district's active enterprises whose name holds this test's word, as the list asks it. */
    ListSql wordQuestion() {
        return ListSql.of(org.qingyuan.ledger.EnterpriseQueryParameters.list(Map.of("q", word)),
                org.qingyuan.access.Scope.of(org.qingyuan.shared.DivisionCode.of("410108")));
    }

    long total(ListTotals t, ListSql sql) {
        return t.total(sql.question(), sql.where(), sql.params());
    }

    /** Inserts an enterprise named with the word in a transaction of its own, committed when told. */
    org.qingyuan.support.LateCommit insertCommittedLater() throws InterruptedException {
        return org.qingyuan.support.LateCommit.written(tx, () -> jdbc.sql("""
                INSERT INTO enterprise (name, name_key, division_code, enterprise_type, discovery, reported_on, version,
                                        created_at, created_by, updated_at, updated_by)
                VALUES (:name, :name, :division, 'SLW', 'PATROL', current_date, 1, now(), 'test', now(), 'test')
                """).param("name", "晚提交厂" + word).param("division", village(TOWN)).update());
    }

    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void aWriteThatCommitsAfterANewerOneIsCountedAllTheSame() throws Exception {
        ListTotals t = new ListTotals(named, Duration.ofMinutes(10));
        ListSql sql = wordQuestion();
        assertThat(total(t, sql)).isZero();
        var late = insertCommittedLater();                   // begins first: the lower id, the older time
        register("总数新厂" + word);                           // begins and commits after it
        assertThat(total(t, sql)).as("the newer write").isEqualTo(1);
        late.commit();
        assertThat(total(t, sql)).as("the older write, committed last").isEqualTo(2);
        assertThat(t.counts()).as("counted once, then adjusted").isEqualTo(1);
        assertThat(t.adjustments()).isEqualTo(2);
        assertThat(total(t, sql)).isEqualTo(jdbc.sql("SELECT count(*) FROM enterprise WHERE status = 'ACTIVE' AND name LIKE :w")
                .param("w", "%" + word + "%").query(Long.class).single());
    }

    @Test
    void aTotalAskedInsideAWritingTransactionIsAnsweredButNotKept() throws Exception {
        ListTotals t = new ListTotals(named, Duration.ofMinutes(10));
        ListSql sql = wordQuestion();
        register("总数回滚前厂" + word);
        assertThat(total(t, sql)).isEqualTo(1);
        long inside = tx.execute(s -> {
            jdbc.sql("UPDATE enterprise SET name = '回滚改名' || id WHERE name LIKE :w").param("w", "%" + word + "%").update();
            long n = total(t, sql);
            s.setRollbackOnly();
            return n;
        });
        assertThat(inside).as("its own writes, seen").isZero();
        assertThat(total(t, sql)).as("rolled back, the kept set is the one before").isEqualTo(1);
    }

    @Test
    void aKeptSetIsCountedAfreshAfterTheKeepAndPruningLosesNoWrite() throws Exception {
        ListTotals shortKeep = new ListTotals(named, Duration.ofMillis(300));
        ListSql sql = wordQuestion();
        assertThat(total(shortKeep, sql)).isZero();
        assertThat(total(shortKeep, sql)).isZero();
        assertThat(shortKeep.counts()).isEqualTo(1);
        Thread.sleep(350);
        assertThat(total(shortKeep, sql)).isZero();
        assertThat(shortKeep.counts()).as("older than the keep").isEqualTo(2);

        ListTotals t = new ListTotals(named, Duration.ofMinutes(10));
        assertThat(total(t, sql)).isZero();
        long id = register("总数清理厂" + word);
        t.prune();
        t.prune();
        assertThat(changeRows(id)).as("younger than the keep: kept").isPositive();
        assertThat(total(t, sql)).isEqualTo(1);
        shortKeep.prune();   // notes that the registration has ended
        Thread.sleep(350);
        shortKeep.prune();   // a keep later: removes what had ended by the note
        totals.forget();     // this context's own sets (a ten-minute keep) may have needed those rows
        assertThat(changeRows(id)).as("ended a keep ago: removed").isZero();
        assertThat(total(shortKeep, sql)).isEqualTo(1);
        jdbc.sql("INSERT INTO enterprise_change (xid, enterprise_id) VALUES (CAST('999999999999' AS xid8), 1)").update();
        t.prune();
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise_change WHERE xid = CAST('999999999999' AS xid8)").query(Long.class)
                .single()).as("a transaction id from another cluster").isZero();
    }

    long changeRows(long enterprise) {
        return jdbc.sql("SELECT count(*) FROM enterprise_change WHERE enterprise_id = :id").param("id", enterprise).query(Long.class).single();
    }

    @Test
    void adjustingDropsTheWrittenAndAddsThoseThatMatchNow() {
        assertThat(ListTotals.adjust(new long[] {1, 3, 5, 7}, new long[] {7, 3, 4, 9}, new long[] {9, 4, 3}))
                .containsExactly(1, 3, 4, 5, 9);
        assertThat(ListTotals.adjust(new long[] {}, new long[] {2}, new long[] {2})).containsExactly(2);
        assertThat(ListTotals.adjust(new long[] {2}, new long[] {2}, new long[] {})).isEmpty();
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
    void aNodeKeepsABoundedNumberOfQuestionsAndIds() {
        ListTotals small = new ListTotals(named, Duration.ofMinutes(1));
        long now = System.nanoTime();
        for (int i = 0; i <= ListTotals.MAX_KEPT; i++) {
            small.keep("q" + i, new org.qingyuan.shared.KeptAnswers.Kept<>("1:1:", new long[] {i}, now));
        }
        assertThat(small.kept("q0")).as("the least recently asked dropped").isNull();
        assertThat(small.kept("q" + ListTotals.MAX_KEPT).answer()).containsExactly(ListTotals.MAX_KEPT);
        small.keep("large", new org.qingyuan.shared.KeptAnswers.Kept<>("1:1:", new long[(int) ListTotals.MAX_KEPT_IDS - 1], now));
        assertThat(small.kept("q1")).as("dropped for the ids").isNull();
        assertThat(small.kept("large")).isNotNull();
        small.keep("too large", new org.qingyuan.shared.KeptAnswers.Kept<>("1:1:", new long[(int) ListTotals.MAX_KEPT_IDS + 1], now));
        assertThat(small.kept("too large")).isNull();
    }
}
