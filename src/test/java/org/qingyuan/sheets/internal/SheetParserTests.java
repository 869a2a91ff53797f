package org.qingyuan.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingyuan.sheets.MessyLedgers;

class SheetParserTests {

    @TempDir
    Path dir;

    record Parsed(List<SheetParser.SourceRow> rows, List<String> notes, SheetParser.FileNotes file) {
    }

    Parsed parse(byte[] content, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        List<SheetParser.SourceRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        SheetParser parser = new SheetParser();
        try (Workbook wb = Workbook.open(file)) {
            parser.parse(wb, wb.sheets(), new SheetParser.Sink() {
                @Override
                public void row(SheetParser.SourceRow row) {
                    rows.add(row);
                }

                @Override
                public void note(String sheet, int rowNumber, String message) {
                    notes.add(sheet + ":" + rowNumber + ":" + message);
                }
            });
        }
        return new Parsed(rows, notes, parser.notes());
    }

    @Test
    void findsTheTableBelowTitleAndUnitRowsAndFillsMergedCellsDown() throws IOException {
        Parsed p = parse(MessyLedgers.surveyLedger("T"), "a.xlsx");
        assertThat(p.file().unit).isEqualTo("新城街道");
        assertThat(p.file().date).hasToString("2017-03-01");
        SheetParser.SourceRow first = p.rows().get(0);
        assertThat(first.rowNumber()).isEqualTo(6);
        assertThat(first.get(SheetColumn.VILLAGE)).isEqualTo("金河社区");
        assertThat(p.rows().get(1).get(SheetColumn.VILLAGE)).isEqualTo("金河社区");
        assertThat(p.rows().get(2).get(SheetColumn.VILLAGE)).isEqualTo("金河社区");
        assertThat(first.get(SheetColumn.NAME)).isEqualTo("T金河机械加工厂");
        assertThat(first.header().name(SheetColumn.PROGRESS)).isEqualTo("完成情况(完成日期)");
        assertThat(first.has(SheetColumn.SCALE)).isTrue();
        assertThat(first.has(SheetColumn.RESPONSIBLE)).isTrue();
    }

    @Test
    void leavesOutBlankRowsFootnotesAndReadsTheContinuationSheet() throws IOException {
        Parsed p = parse(MessyLedgers.surveyLedger("T"), "a.xlsx");
        assertThat(p.rows()).hasSize(10);
        assertThat(p.rows().stream().filter(r -> r.sheet().equals("续表"))).hasSize(3);
        assertThat(p.notes()).anyMatch(n -> n.contains("脚注"));
        assertThat(p.notes()).anyMatch(n -> n.contains("续表"));
        assertThat(p.notes()).anyMatch(n -> n.contains("未识别的列“巡查人员”"));
    }

    @Test
    void readsTheCommunityTableWithMultiLineHeadersAndTheLiaisonRow() throws IOException {
        Parsed p = parse(MessyLedgers.communityTable("T"), "b.xlsx");
        assertThat(p.rows()).hasSize(3);
        assertThat(p.file().liaison).isEqualTo("王芳");
        SheetParser.SourceRow r = p.rows().get(0);
        assertThat(r.get(SheetColumn.OUTPUT)).isEqualTo("12.5万");
        assertThat(r.get(SheetColumn.VILLAGE)).isEqualTo("金河社区");
        assertThat(r.get(SheetColumn.SEQ)).isEqualTo("1");
        assertThat(p.notes()).anyMatch(n -> n.contains("网格员"));
        assertThat(p.notes()).anyMatch(n -> n.contains(":8:") && n.contains("合计行，已跳过"));
    }

    @Test
    void readsContinuationSheetsWithAndWithoutTheHeaderRepeated() throws IOException {
        Parsed p = parse(MessyLedgers.continuedLedger("T"), "d.xlsx");
        assertThat(p.rows()).extracting(r -> r.sheet() + ":" + r.rowNumber()).containsExactly(
                "附件1:4", "附件1:5", "附件1（续）:3", "附件1（续）:4", "附件1（续）:5", "续表:1", "续表:2");
        assertThat(p.rows()).extracting(r -> r.get(SheetColumn.NAME)).containsExactly(
                "T续表甲厂", "T续表乙厂", "T续表丙厂", "T续表丁厂", "T续表戊厂", "T续表己厂", "T续表庚厂");
        // 所在村组 merged down three rows of the second sheet applies to each of them
        assertThat(p.rows().subList(2, 5)).extracting(r -> r.get(SheetColumn.VILLAGE)).containsOnly("文运社区");
        assertThat(p.rows().get(3).get(SheetColumn.REPORTED_ON)).isEqualTo("3月底");
        assertThat(p.notes()).anyMatch(n -> n.startsWith("续表:0:") && n.contains("按续表处理"));
        assertThat(p.notes()).noneMatch(n -> n.startsWith("附件1（续）:0:"));
    }

    @Test
    void readsLegacyXlsThroughPoiWithMergedCellsAndDates() throws IOException {
        Parsed p = parse(MessyLedgers.legacyXls("T"), "c.xls");
        assertThat(p.rows()).hasSize(2);
        assertThat(p.rows().get(1).get(SheetColumn.VILLAGE)).isEqualTo("金河社区");
        assertThat(p.rows().get(0).get(SheetColumn.REPORTED_ON)).isEqualTo(java.time.LocalDate.of(2017, 2, 27));
    }
}
