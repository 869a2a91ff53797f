package org.qingyuan.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.rectification.TownReport;

class TownReportCellsTests {

    @Test
    void readsTheResponsiblePersonsNameAndPhoneAndTheDeadlineAsADate() {
        TownReport r = TownReportCells.of(7, new RowMapper.CampaignColumns("限期拆除", "2017-04-30", "张三 13812345678", "正在拆除"),
                "导入自 a.xlsx 第 6 行");
        assertThat(r.personName()).isEqualTo("张三");
        assertThat(r.personPhone()).isEqualTo("13812345678");
        assertThat(r.deadline()).isEqualTo(LocalDate.of(2017, 4, 30));
        assertThat(TownReportCells.of(7, new RowMapper.CampaignColumns(null, "3月底", "李四（电话：0371-63691234）", null), "s"))
                .satisfies(t -> {
                    assertThat(t.personName()).isEqualTo("李四");
                    assertThat(t.personPhone()).isEqualTo("0371-63691234");
                    assertThat(t.deadline()).as("vague").isNull();
                    assertThat(t.deadlineText()).isEqualTo("3月底");
                });
        assertThat(TownReportCells.of(7, new RowMapper.CampaignColumns(null, null, "王五", null), "s").personPhone()).isNull();
    }

    @Test
    void writesTheClaimedProgressWithItsDateTheOneWay() {
        assertThat(TownReportCells.progress("拆除到位（2017.3.18）")).isEqualTo("拆除到位（2017-03-18）");
        assertThat(TownReportCells.progress("拆除到位 2017年3月18日")).isEqualTo("拆除到位（2017-03-18）");
        assertThat(TownReportCells.progress("拆除到位（2017-03-18）")).isEqualTo("拆除到位（2017-03-18）");
        assertThat(TownReportCells.progress("正在整治")).isEqualTo("正在整治");
        assertThat(TownReportCells.progress("  ")).isNull();
    }

    @Test
    void aLeadingNoHoldsForTheWholeListOfApprovals() {
        Map<Fact, FactValue> facts = new EnumMap<>(Fact.class);
        List<RowMapper.RowMessage> warnings = new ArrayList<>();
        FactCells.approvals("无营业执照、规划手续；有环评手续", facts, LocalDate.of(2017, 3, 1), "有无手续", warnings, new ArrayList<>());
        assertThat(facts.get(Fact.HAS_BUSINESS_LICENCE).value()).isFalse();
        assertThat(facts.get(Fact.HAS_PLANNING_APPROVAL).value()).isFalse();
        assertThat(facts.get(Fact.HAS_EIA_APPROVAL).value()).isTrue();
        assertThat(facts).doesNotContainKey(Fact.HAS_FIRE_APPROVAL);
        assertThat(warnings).isEmpty();
    }
}
