package org.qingyuan.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo campaign (tests run in demo mode) shows every measure and state. */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class DemoCasesTests {

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired Cases cases;
    @Autowired CaseLists lists;
    @Autowired JdbcClient jdbc;

    @Test
    void theDemoLedgerHasCasesInEveryMeasureAndStateAndAtEachStepOfTwoCutsThreeClearances() {
        Board board = lists.board(null, Scope.of(DivisionCode.of("410108")));
        for (MeasureKind m : List.of(MeasureKind.SHUTDOWN, MeasureKind.RELOCATE, MeasureKind.REMEDIATE)) {
            assertThat(board.total(m)).as(m.label()).isPositive();
        }
        for (CaseState s : List.of(CaseState.REGISTERED, CaseState.IN_PROGRESS, CaseState.ESCALATED, CaseState.REOPENED,
                CaseState.AWAITING_ACCEPTANCE, CaseState.ACCEPTED, CaseState.CLOSED_OUT)) {
            assertThat(board.total(s)).as(s.label()).isPositive();
        }
        assertThat(board.overdue()).isNotEmpty();
        assertThat(board.dueSoon()).isNotEmpty();
        assertThat(board.closedThisMonth()).isPositive();
        // a campaign under way: many cases worked on, the overdue ones past a deadline the town set recently
        String demo = """
                 EXISTS (SELECT 1 FROM rectification_step st WHERE st.case_id = c.id AND st.kind = 'DEADLINE_SET'
                                AND st.detail LIKE '%演示数据%')""";
        long live = jdbc.sql("SELECT count(*) FROM rectification_case c WHERE " + demo).query(Long.class).single();
        long untouched = jdbc.sql("SELECT count(*) FROM rectification_case c WHERE state = 'REGISTERED' AND " + demo)
                .query(Long.class).single();
        assertThat(untouched).isLessThan(live * 3 / 4);
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_case c WHERE state = 'CLOSED_OUT' AND " + demo)
                .query(Long.class).single()).isGreaterThanOrEqualTo(10);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM rectification_case c
                         WHERE overdue_since IS NOT NULL AND state NOT IN ('CLOSED_OUT', 'WITHDRAWN')
                           AND deadline < current_date - 60 AND %s""".formatted(demo)).query(Long.class).single()).isZero();
        List<Integer> done = jdbc.sql("""
                        SELECT DISTINCT (SELECT count(*) FROM rectification_item i WHERE i.case_id = c.id)::int
                          FROM rectification_case c WHERE c.measure = 'SHUTDOWN' AND c.state IN ('REGISTERED', 'IN_PROGRESS')
                        """).query(Integer.class).list();
        assertThat(done).contains(0, 1, 2, 3, 4, 5);
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_item WHERE cardinality(flags) > 0 AND reviewed_by IS NULL")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_enforcement").query(Long.class).single()).isPositive();
    }

    @Test
    void everyDemoCasePageRendersForTheDistrictAndTheTown() throws Exception {
        List<Long> ids = jdbc.sql("SELECT id FROM rectification_case ORDER BY id").query(Long.class).list();
        for (long id : ids) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/cases/" + id)
                            .with(org.qingyuan.access.internal.TestLogins.district()))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        }
        long flagged = jdbc.sql("SELECT case_id FROM rectification_item WHERE cardinality(flags) > 0 AND reviewed_by IS NULL LIMIT 1")
                .query(Long.class).single();
        String division = jdbc.sql("SELECT division_code FROM rectification_case WHERE id = :id").param("id", flagged)
                .query(String.class).single();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/cases/" + flagged)
                        .with(org.qingyuan.access.internal.TestLogins.as(org.qingyuan.access.RoleCode.TOWN_OFFICER, division.substring(0, 9))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("已核对，确认证据")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/board")
                        .with(org.qingyuan.access.internal.TestLogins.district()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    /** The board's one-pass counts and its two lists say what plain queries over the case table say (issue 22 §1). */
    @Test
    void theBoardAgreesWithPlainCountsOfTheCases() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        for (String division : List.of("410108", "410108001", "410108001001")) {
            Board board = lists.board(division, Scope.of(DivisionCode.of("410108")));
            var p = new java.util.HashMap<String, Object>(java.util.Map.of("prefix", division, "today", today,
                    "monday", today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)),
                    "first", today.withDayOfMonth(1), "until", today.plusDays(14)));
            String here = "division_code LIKE :prefix || '%'";
            String open = " AND " + CaseState.openSql("state");
            for (MeasureKind m : MeasureKind.values()) {
                for (CaseState s : CaseState.values()) {
                    assertThat(board.count(m, s)).as(division + " " + m + " " + s).isEqualTo(jdbc.sql("SELECT count(*) FROM rectification_case WHERE "
                            + here + " AND measure = :m AND state = :s").params(p).param("m", m.name()).param("s", s.name()).query(Long.class).single());
                }
            }
            assertThat(board.total()).isEqualTo(jdbc.sql("SELECT count(*) FROM rectification_case WHERE " + here).params(p).query(Long.class).single());
            assertThat(board.closedThisWeek()).isEqualTo(jdbc.sql("SELECT count(*) FROM rectification_case WHERE " + here
                    + " AND state = 'CLOSED_OUT' AND closed_out_on >= :monday").params(p).query(Long.class).single());
            assertThat(board.closedThisMonth()).isEqualTo(jdbc.sql("SELECT count(*) FROM rectification_case WHERE " + here
                    + " AND state = 'CLOSED_OUT' AND closed_out_on >= :first").params(p).query(Long.class).single());
            assertThat(board.overdue()).extracting(CaseSummary::id).containsExactlyElementsOf(jdbc.sql("SELECT id FROM rectification_case WHERE "
                    + here + open + " AND deadline < :today ORDER BY deadline, id LIMIT 20").params(p).query(Long.class).list());
            assertThat(board.dueSoon()).extracting(CaseSummary::id).containsExactlyElementsOf(jdbc.sql("SELECT id FROM rectification_case WHERE "
                    + here + open + " AND deadline BETWEEN :today AND :until ORDER BY deadline, id LIMIT 20").params(p).query(Long.class).list());
            List<String> towns = jdbc.sql("""
                    SELECT left(division_code, 9) || ' ' || count(*) FILTER (WHERE %1$s) || ' '
                           || count(*) FILTER (WHERE %1$s AND deadline < :today) || ' ' || count(*) FILTER (WHERE state = 'CLOSED_OUT')
                      FROM rectification_case WHERE %2$s GROUP BY left(division_code, 9) ORDER BY 1
                    """.formatted(CaseState.openSql("state"), here)).params(p).query(String.class).list();
            assertThat(board.towns()).extracting(t -> t.townCode() + " " + t.open() + " " + t.overdue() + " " + t.closedOut())
                    .containsExactlyElementsOf(division.length() <= 6 ? towns : List.of());
        }
    }
}
