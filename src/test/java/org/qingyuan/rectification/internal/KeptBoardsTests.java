package org.qingyuan.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.rectification.Board;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A battle board is kept while no case changed since the snapshot it was counted at: asked again it costs no count, and
 * after a write — even one whose transaction began before the count and committed after it — it says what a plain count
 * of the cases says.
 */
@SpringBootTest
class KeptBoardsTests {

    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));

    @Autowired CaseListQueries lists;
    @Autowired KeptBoards boards;
    @Autowired JdbcClient jdbc;
    @Autowired NamedParameterJdbcTemplate named;
    @Autowired TransactionTemplate tx;

    static long overdue(Board board) {
        return board.towns().stream().mapToLong(Board.TownRow::overdue).sum();
    }

    long overdueCounted() {
        return jdbc.sql("SELECT count(*) FROM rectification_case WHERE division_code LIKE '410108%' AND deadline < CAST(:today AS date) AND "
                        + CaseState.openSql("state")).param("today", today()).query(Long.class).single();
    }

    /** Makes an open case of the district that is not overdue yet overdue. */
    int makeOverdue() {
        return jdbc.sql("""
                UPDATE rectification_case SET deadline = CAST(:today AS date) - 3
                 WHERE id = (SELECT min(id) FROM rectification_case WHERE division_code LIKE '410108%%' AND %s
                                AND (deadline IS NULL OR deadline >= CAST(:today AS date)))
                """.formatted(CaseState.openSql("state"))).param("today", today()).update();
    }

    static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }

    static final String ROWS = "SELECT id, division_code, state, deadline, closed_out_on FROM rectification_case ORDER BY id";

    KeptBoards keeper() {
        return new KeptBoards(named, Duration.ofMinutes(10));
    }

    Board fresh(Scope scope) {
        return lists.board(null, scope, keeper());
    }

    @Test
    void aBoardIsCountedOnceWhileNoCaseChangesAndAdjustedAfterAWrite() {
        long first = overdue(lists.board(null, DISTRICT));
        long counts = boards.counts();
        long adjustments = boards.adjustments();
        assertThat(overdue(lists.board(null, DISTRICT))).isEqualTo(first);
        assertThat(boards.counts()).as("kept").isEqualTo(counts);
        assertThat(first).isEqualTo(overdueCounted());

        assertThat(makeOverdue()).isEqualTo(1);
        assertThat(overdue(lists.board(null, DISTRICT))).isEqualTo(first + 1).isEqualTo(overdueCounted());
        assertThat(boards.counts()).as("not counted again").isEqualTo(counts);
        assertThat(boards.adjustments()).as("adjusted").isEqualTo(adjustments + 1);
    }

    @Test
    void aKeptBoardAdjustedByWritesOfEveryKindSaysWhatAFreshCountSays() {
        Scope town = Scope.of(DivisionCode.of("410108001"));
        KeptBoards own = keeper();
        lists.board(null, DISTRICT, own);
        lists.board(null, town, own);
        var before = jdbc.sql(ROWS).query().listOfRows();
        makeOverdue();
        // closed out today, moved to another town, a deadline cleared, a write rolled back
        jdbc.sql("""
                UPDATE rectification_case SET state = 'CLOSED_OUT', closed_out_on = CAST(:today AS date)
                 WHERE id = (SELECT min(id) FROM rectification_case WHERE division_code LIKE '410108001%' AND state = 'IN_PROGRESS')
                """).param("today", today()).update();
        jdbc.sql("""
                UPDATE rectification_case SET division_code = (SELECT max(division_code) FROM rectification_case
                                                                WHERE division_code LIKE '410108%' AND division_code NOT LIKE '410108001%')
                 WHERE id = (SELECT max(id) FROM rectification_case WHERE division_code LIKE '410108001%' AND deadline IS NOT NULL)
                """).update();
        jdbc.sql("UPDATE rectification_case SET deadline = NULL WHERE id = (SELECT max(id) FROM rectification_case WHERE deadline < current_date)")
                .update();
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE rectification_case SET state = 'WITHDRAWN' WHERE division_code LIKE '410108%'").update();
            s.setRollbackOnly();
        });
        try {
            assertThat(lists.board(null, DISTRICT, own)).isEqualTo(fresh(DISTRICT));
            assertThat(lists.board(null, town, own)).isEqualTo(fresh(town));
            assertThat(own.counts()).as("counted once each").isEqualTo(2);
            assertThat(own.adjustments()).as("then adjusted").isEqualTo(2);
        } finally {
            var after = jdbc.sql(ROWS).query().listOfRows();
            for (int i = 0; i < before.size(); i++) {
                var row = before.get(i);
                if (!row.equals(after.get(i))) {
                    jdbc.sql("""
                            UPDATE rectification_case SET division_code = :division, state = :state, deadline = CAST(:deadline AS date),
                                   closed_out_on = CAST(:closed AS date) WHERE id = :id
                            """).param("division", row.get("division_code")).param("state", row.get("state"))
                            .param("deadline", row.get("deadline")).param("closed", row.get("closed_out_on")).param("id", row.get("id"))
                            .update();
                }
            }
        }
        assertThat(lists.board(null, DISTRICT, own)).as("and back").isEqualTo(fresh(DISTRICT));
    }

    @Test
    void aWriteThatCommitsAfterTheBoardWasCountedShowsOnTheNextAsk() throws Exception {
        KeptBoards own = keeper();
        long before = overdue(lists.board(null, DISTRICT, own));
        var late = org.qingyuan.support.LateCommit.written(tx, this::makeOverdue);
        assertThat(overdue(lists.board(null, DISTRICT, own))).as("not committed yet").isEqualTo(before);
        late.commit();
        assertThat(overdue(lists.board(null, DISTRICT, own))).as("committed after the board was kept")
                .isEqualTo(before + 1).isEqualTo(overdueCounted());
        assertThat(own.counts()).isEqualTo(1);
        assertThat(own.adjustments()).isEqualTo(1);
    }

    @Test
    void aBoardAskedInsideAWritingTransactionIsNotKept() {
        KeptBoards own = keeper();
        long before = overdue(lists.board(null, DISTRICT, own));
        tx.executeWithoutResult(s -> {
            makeOverdue();
            assertThat(overdue(lists.board(null, DISTRICT, own))).as("its own write").isEqualTo(before + 1);
            s.setRollbackOnly();
        });
        assertThat(overdue(lists.board(null, DISTRICT, own))).as("rolled back").isEqualTo(before);
        assertThat(own.counts()).as("inside: adjusted, not kept; after: the kept one").isEqualTo(1);
        assertThat(own.adjustments()).isEqualTo(1);
    }

    @Test
    void aTruncateIsCountedAfresh() {
        KeptBoards own = keeper();
        assertThat(lists.board(null, DISTRICT, own).total()).isPositive();
        tx.executeWithoutResult(s -> {
            jdbc.sql("TRUNCATE rectification_case CASCADE").update();
            assertThat(lists.board(null, DISTRICT, own).total()).isZero();
            s.setRollbackOnly();
        });
        assertThat(own.counts()).isEqualTo(2);
        assertThat(own.adjustments()).isZero();
    }
}
