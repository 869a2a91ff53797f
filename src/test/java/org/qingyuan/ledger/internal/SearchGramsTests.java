package org.qingyuan.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.BatchRegistration;
import org.qingyuan.ledger.BatchRegistration.DuplicatePolicy;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Facts;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search tokens the bulk path computes in Java equal those of the SQL functions that the
 * {@code enterprise_search_grams} trigger uses for every other write (and that searches use).
 */
@SpringBootTest
class SearchGramsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BatchRegistration batch;

    static final List<String> TEXTS = List.of("金河机械加工厂", "ＡＢＣ塑料制品厂（金河社区）", "Jinhe Machinery CO., LTD", "  前后  空格 ",
            "１２３号院　东侧", "张三\t汽修\n店", "ǅemal İstanbul ΣΊΣΥΦΟΣ Ωmega ＫＫ", "ℌ ℍ ﬁ ㈱ ①②", "引号\"和\\反斜杠,逗号{括号}", "", "a",
            "𠀀𠀁 生僻字𪚥", "惠济区新城街道金河社区居民委员会 3号楼2单元", "Ｅmoji 😀 厂", "ⅣⅫ罗马数字");

    @Test
    void javaTokensEqualTheSqlFunctions() {
        for (String name : TEXTS) {
            for (String address : Arrays.asList(null, "金河路18号", "ＮＯ.１８　Ｒｏａｄ")) {
                for (String division : List.of("410108", "410108001", "410108001001")) {
                    String[] sql = jdbc.sql("SELECT qy_bigrams(:t) || qy_scope_tokens(:d)")
                            .param("t", name + " " + (address == null ? "" : address)).param("d", division)
                            .query((rs, i) -> (String[]) rs.getArray(1).getArray()).single();
                    assertThat(SearchGrams.of(name, address, division)).as("%s / %s / %s", name, address, division)
                            .containsExactly(sql);
                }
            }
        }
    }

    @Test
    @Transactional
    void bulkRegisteredRowsCarryTheSameTokensAsTheTriggerWouldGive() {
        List<EnterpriseDetails> rows = new ArrayList<>();
        for (int i = 0; i < CopyRows.THRESHOLD + 6; i++) {
            String name = TEXTS.get(i % TEXTS.size()).isBlank() ? "空白" + i : TEXTS.get(i % TEXTS.size()) + i;
            rows.add(new EnterpriseDetails(new EnterpriseDetails.Identity(name, null, null, null, null),
                    new EnterpriseDetails.Place(DivisionCode.of("410108001001"), i % 2 == 0 ? null : "金河路" + i + "号", null, null),
                    new EnterpriseDetails.Business(null, null, null, null, null, null, null, null, null, null), Facts.NONE,
                    new EnterpriseDetails.Campaign(EnterpriseType.SLW, Discovery.IMPORT, java.time.LocalDate.of(2026, 3, 1), null)));
        }
        var result = batch.registerAll(rows, DuplicatePolicy.FLAG, "SearchGramsTests", Scope.of(DivisionCode.of("410108")));
        Long[] ids = result.rows().stream().filter(r -> r.id() != null).map(r -> r.id().value()).toArray(Long[]::new);
        assertThat(ids).hasSize(rows.size());
        int differing = jdbc.sql("""
                        SELECT count(*) FROM enterprise
                         WHERE id = ANY(:ids)
                           AND search_grams IS DISTINCT FROM qy_bigrams(name || ' ' || coalesce(address, '')) || qy_scope_tokens(division_code)
                        """).param("ids", ids).query(Integer.class).single();
        assertThat(differing).isZero();
        // an edit of the name recomputes them in the database
        jdbc.sql("UPDATE enterprise SET name = '改名后的豆腐坊' WHERE id = :id").param("id", ids[0]).update();
        assertThat(jdbc.sql("SELECT search_grams @> ARRAY['豆腐', '@410108001'] FROM enterprise WHERE id = :id")
                .param("id", ids[0]).query(Boolean.class).single()).isTrue();
    }
}
