package org.qingyuan.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser finds the columns of the facts a plan declares, before the synonyms of the standard columns. */
class DeclaredColumnsTests {

    @TempDir
    Path dir;

    @Test
    void aDeclaredFactsLabelWinsOverAStandardSynonymAndUnknownColumnsAreStillReported() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
        Worksheet ws = book.newWorksheet("台账");
        // jiangjin-2021 declares conformsToIndustrialPolicy labelled 是否符合产业政策, a synonym of the standard 符合规划 column
        List<String> header = List.of("企业名称", "所在村（社区）", "是否符合产业政策及当地产业布局规划", "是否符合产业政策",
                "污染防治设施是否完善", "另一列");
        List<String> row = List.of("甲厂", "金河社区", "是", "否", "无", "x");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.value(1, c, row.get(c));
        }
        ws.finish();
        book.finish();
        Path file = dir.resolve("j.xlsx");
        Files.write(file, out.toByteArray());

        Map<String, String> declared = Map.of(SheetColumn.normalise("是否符合产业政策"), "conformsToIndustrialPolicy",
                SheetColumn.normalise("污染防治设施是否完善"), "hasPollutionControls");
        List<SheetParser.SourceRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (Workbook wb = Workbook.open(file)) {
            new SheetParser(declared).parse(wb, wb.sheets(), new SheetParser.Sink() {
                @Override
                public void row(SheetParser.SourceRow r) {
                    rows.add(r);
                }

                @Override
                public void note(String sheet, int rowNumber, String message) {
                    notes.add(message);
                }
            });
        }
        SheetParser.SourceRow r = rows.get(0);
        assertThat(r.get(SheetColumn.CONFORMS)).isEqualTo("是");
        assertThat(r.header().declared()).extracting(SheetParser.DeclaredColumn::fact)
                .containsExactly("conformsToIndustrialPolicy", "hasPollutionControls");
        assertThat(r.declaredValues()).containsExactly("否", "无");
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("另一列"));
        assertThat(notes).noneSatisfy(n -> assertThat(n).contains("污染防治设施是否完善"));
    }
}
