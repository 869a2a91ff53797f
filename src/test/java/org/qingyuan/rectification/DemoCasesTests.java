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
}
