package org.qingyuan.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.region.Divisions;
import org.qingyuan.sheets.internal.RowMapper.MappedRow;
import org.qingyuan.sheets.internal.SheetParser.Header;
import org.qingyuan.sheets.internal.SheetParser.SourceRow;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A row is judged by what matters: its enterprise name and a village that resolves are required; any
 * other value that cannot be read leaves its field empty, is kept in 备注 and warned about by column;
 * negative counts and amounts are errors; inconsistent but possible facts are warnings.
 */
@SpringBootTest
class RowJudgementTests {

    @Autowired
    Divisions divisions;

    static final LocalDate FORM_DATE = LocalDate.of(2017, 3, 1);

    MappedRow map(Map<SheetColumn, Object> cells) {
        Object[] values = new Object[SheetColumn.values().length];
        int[] cellOf = new int[SheetColumn.values().length];
        Arrays.fill(cellOf, -1);
        for (var e : cells.entrySet()) {
            values[e.getKey().ordinal()] = e.getValue();
            cellOf[e.getKey().ordinal()] = e.getKey().ordinal();
        }
        SourceRow row = new SourceRow("Sheet1", 5, values, new Header(cellOf, new String[SheetColumn.values().length]));
        VillageResolver villages = new VillageResolver(divisions, Scope.of(DivisionCode.of("410108")));
        return new RowMapper(Layout.TEMPLATE, villages, FORM_DATE, LocalDate.of(2026, 1, 1)).map(row);
    }

    String warnings(MappedRow m) {
        return m.warnings().toString();
    }

    @Test
    void theNameAndAVillageThatResolvesAreRequiredNamingTheColumn() {
        MappedRow noName = map(Map.of(SheetColumn.VILLAGE, "金河社区"));
        assertThat(noName.details()).isNull();
        assertThat(noName.errors()).extracting(RowMapper.RowMessage::column).containsExactly(SheetColumn.NAME.label());
        MappedRow noVillage = map(Map.of(SheetColumn.NAME, "甲厂"));
        assertThat(noVillage.details()).isNull();
        assertThat(noVillage.errors()).extracting(RowMapper.RowMessage::column).containsExactly(SheetColumn.VILLAGE.label());
        MappedRow unknown = map(Map.of(SheetColumn.NAME, "甲厂", SheetColumn.VILLAGE, "幸福村"));
        assertThat(unknown.details()).isNull();
        assertThat(unknown.errors().get(0).message()).contains("幸福村");
    }

    @Test
    void anUnreadableOptionalValueIsLeftEmptyKeptInTheRemarksAndWarnedAbout() {
        MappedRow m = map(Map.ofEntries(Map.entry(SheetColumn.NAME, "甲厂"), Map.entry(SheetColumn.VILLAGE, "金河社区"),
                Map.entry(SheetColumn.EMPLOYEES, "不详"), Map.entry(SheetColumn.OUTPUT, "—"),
                Map.entry(SheetColumn.CREDIT_CODE, "无证照"), Map.entry(SheetColumn.PHONE, "打不通"),
                Map.entry(SheetColumn.PREMISES, "不清楚"), Map.entry(SheetColumn.EIA, "在办"),
                Map.entry(SheetColumn.TYPE, "大型企业"), Map.entry(SheetColumn.DISCOVERY, "不知道"),
                Map.entry(SheetColumn.LONGITUDE, "东经"), Map.entry(SheetColumn.LATITUDE, "34.8"),
                Map.entry(SheetColumn.REPORTED_ON, "2030.1.1"), Map.entry(SheetColumn.KEY_INDUSTRY, "／")));
        assertThat(m.errors()).isEmpty();
        assertThat(m.details()).isNotNull();
        var d = m.details();
        assertThat(d.business().employees()).isNull();
        assertThat(d.business().outputValue()).isNull();
        assertThat(d.identity().creditCode()).isNull();
        assertThat(d.identity().contactPhone()).isNull();
        assertThat(d.business().premises()).isNull();
        assertThat(d.business().keyIndustry()).isNull();
        assertThat(d.facts().values()).isEmpty();
        assertThat(d.campaign().type()).isEqualTo(EnterpriseType.SLW);
        assertThat(d.campaign().discovery()).isEqualTo(Discovery.IMPORT);
        assertThat(d.place().longitude()).isNull();
        assertThat(d.place().latitude()).isNull();
        assertThat(d.campaign().reportedOn()).as("a date after today falls back to the form's").isEqualTo(FORM_DATE);
        for (SheetColumn c : new SheetColumn[] {SheetColumn.EMPLOYEES, SheetColumn.OUTPUT, SheetColumn.CREDIT_CODE, SheetColumn.PHONE,
                SheetColumn.PREMISES, SheetColumn.EIA, SheetColumn.TYPE, SheetColumn.DISCOVERY, SheetColumn.LONGITUDE,
                SheetColumn.REPORTED_ON, SheetColumn.KEY_INDUSTRY}) {
            assertThat(m.warnings()).extracting(RowMapper.RowMessage::column).as(c.name()).contains(c.label());
        }
        assertThat(d.campaign().remarks()).contains(SheetColumn.EMPLOYEES.label() + "：不详", SheetColumn.OUTPUT.label() + "：—",
                SheetColumn.PHONE.label() + "：打不通", SheetColumn.EIA.label() + "：在办", SheetColumn.TYPE.label() + "：大型企业",
                SheetColumn.REPORTED_ON.label() + "：2030.1.1");
    }

    @Test
    void negativeCountsAndAmountsAreRejectedNamingTheColumn() {
        MappedRow m = map(Map.of(SheetColumn.NAME, "甲厂", SheetColumn.VILLAGE, "金河社区", SheetColumn.EMPLOYEES, "-3",
                SheetColumn.OUTPUT, "负5万元"));
        assertThat(m.details()).isNull();
        assertThat(m.errors()).extracting(RowMapper.RowMessage::column)
                .containsExactly(SheetColumn.EMPLOYEES.label(), SheetColumn.OUTPUT.label());
    }

    @Test
    void inconsistentButPossibleFactsAreWarnings() {
        MappedRow late = map(Map.of(SheetColumn.NAME, "甲厂", SheetColumn.VILLAGE, "金河社区", SheetColumn.REPORTED_ON, "2017.3.10",
                SheetColumn.DEADLINE, "2017年2月28日", SheetColumn.PROGRESS, "拆除到位"));
        assertThat(late.errors()).isEmpty();
        assertThat(warnings(late)).contains("整治期限 2017-02-28 早于上报时间 2017-03-10").contains("完成情况“拆除到位”未写完成日期");
        MappedRow dated = map(Map.of(SheetColumn.NAME, "甲厂", SheetColumn.VILLAGE, "金河社区", SheetColumn.PROGRESS, "拆除到位（2017.3.5）"));
        assertThat(dated.warnings()).isEmpty();
    }
}
