package org.qingyuan.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowMapperTests {

    @Test
    void readsAnAnswerForAllApprovalsAtOnce() {
        for (String none : new String[] {"均无", "全无", "手续全无", "无任何手续", "均未办理", "都没有", "无手续", "相关手续均未办理"}) {
            assertThat(Cells.yesNo(FactCells.allApprovals(none))).as(none).isFalse();
        }
        for (String all : new String[] {"均有", "手续齐全", "各项手续均已办理", "都有", "证照齐全", "手续"}) {
            assertThat(Cells.yesNo(FactCells.allApprovals(all))).as(all).isTrue();
        }
        assertThat(FactCells.allApprovals("正在办理")).isEqualTo("正在办理");
    }
}
