package org.qingyuan.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

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

    @Test
    void aBoardIsCountedOnceWhileNoCaseChangesAndAgainAfterAWrite() {
        long first = overdue(lists.board(null, DISTRICT));
        long counts = boards.counts();
        assertThat(overdue(lists.board(null, DISTRICT))).isEqualTo(first);
        assertThat(boards.counts()).as("kept").isEqualTo(counts);
        assertThat(first).isEqualTo(overdueCounted());

        assertThat(makeOverdue()).isEqualTo(1);
        assertThat(overdue(lists.board(null, DISTRICT))).isEqualTo(first + 1).isEqualTo(overdueCounted());
        assertThat(boards.counts()).as("counted again").isEqualTo(counts + 1);
    }

    @Test
    void aWriteThatCommitsAfterTheBoardWasCountedShowsOnTheNextAsk() throws Exception {
        KeptBoards own = new KeptBoards(named, Duration.ofMinutes(10));
        long before = overdue(own.board("district", () -> lists.board(null, DISTRICT)));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Thread late = new Thread(() -> tx.executeWithoutResult(s -> {
            makeOverdue();
            written.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        late.start();
        written.await();
        assertThat(overdue(own.board("district", () -> lists.board(null, DISTRICT)))).as("not committed yet").isEqualTo(before);
        commit.countDown();
        late.join();
        assertThat(overdue(own.board("district", () -> lists.board(null, DISTRICT)))).as("committed after the board was kept")
                .isEqualTo(before + 1).isEqualTo(overdueCounted());
        assertThat(own.counts()).isEqualTo(2);
    }

    @Test
    void aBoardAskedInsideAWritingTransactionIsNotKept() {
        KeptBoards own = new KeptBoards(named, Duration.ofMinutes(10));
        own.board("district", () -> lists.board(null, DISTRICT));
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE rectification_case SET deadline = deadline WHERE false").update();   // a write, of no rows
            own.board("district", () -> lists.board(null, DISTRICT));
            s.setRollbackOnly();
        });
        own.board("district", () -> lists.board(null, DISTRICT));
        assertThat(own.counts()).as("inside: counted, not kept; after: the kept one").isEqualTo(2);
    }
}
