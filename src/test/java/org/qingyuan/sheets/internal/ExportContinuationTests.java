package org.qingyuan.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.BatchRegistration;
import org.qingyuan.ledger.BatchRegistration.DuplicatePolicy;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Facts;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A form longer than a sheet (Excel's 1,048,576 rows; made small here) goes on in 续表 sheets with
 * the header repeated, and such a file reads back as one table.
 */
@SpringBootTest
class ExportContinuationTests {

    @Autowired
    LedgerSheets sheets;

    @Autowired
    BatchRegistration batch;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @TempDir
    Path dir;

    @Test
    void aFormLongerThanASheetGoesOnInContinuationSheets() throws Exception {
        String tag = "C" + UUID.randomUUID().toString().substring(0, 5);
        List<EnterpriseDetails> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(new EnterpriseDetails(new EnterpriseDetails.Identity(tag + "第" + i + "家加工厂", null, null, null, null),
                    new EnterpriseDetails.Place(DivisionCode.of("410108001001"), null, null, null),
                    new EnterpriseDetails.Business(null, null, null, null, null, null, 5, null, null, null), Facts.NONE,
                    new EnterpriseDetails.Campaign(EnterpriseType.SLW, Discovery.PATROL, LocalDate.of(2017, 2, 20), null)));
        }
        Scope district = Scope.of(DivisionCode.of("410108"));
        batch.registerAll(rows, DuplicatePolicy.FLAG, "ExportContinuationTests", district);
        EnterpriseQuery query = new EnterpriseQuery(null, tag, null, null, null, null, null, null, null, null, null, null,
                false, false, EnterpriseQuery.Sort.NAME, false, 0, EnterpriseQuery.MAX_SIZE);
        int saved = LedgerSheets.lastDataRow;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written;
        try {
            // the first sheet: title, unit and date rows, the header, three data rows; a 续表: its title, the header, five
            LedgerSheets.lastDataRow = 6;
            written = new TransactionTemplate(transactions).execute(s -> {
                try {
                    return sheets.write(Layout.SURVEY_LEDGER, query, district, LocalDate.of(2026, 3, 1), out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } finally {
            LedgerSheets.lastDataRow = saved;
        }
        assertThat(written).isEqualTo(9);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> all = wb.getSheets().toList();
            assertThat(all).extracting(Sheet::getName).containsExactly(Layout.SURVEY_LEDGER.title(),
                    Layout.SURVEY_LEDGER.title() + "（续表）", Layout.SURVEY_LEDGER.title() + "（续表2）");
            List<Row> second = all.get(1).read();
            assertThat(second.get(0).getCellText(0)).isEqualTo("续表");
            assertThat(second.get(1).getCellText(2)).isEqualTo("企业名称");
            assertThat(second.get(2).getCellText(0)).isEqualTo("4");
            assertThat(second.get(2).getCellText(2)).isEqualTo(tag + "第3家加工厂");
            List<Row> third = all.get(2).read();
            assertThat(third.stream().map(r -> r.getCellText(2)).filter(t -> t.startsWith(tag)).toList())
                    .containsExactly(tag + "第8家加工厂");
            assertThat(third.stream().anyMatch(r -> r.getCellText(0).startsWith("注："))).as("footnotes on the last sheet").isTrue();
        }
        // and the file reads back as one table: nine rows over three sheets
        Path file = dir.resolve("export.xlsx");
        Files.write(file, out.toByteArray());
        List<SheetParser.SourceRow> parsed = new ArrayList<>();
        try (Workbook wb = Workbook.open(file)) {
            new SheetParser().parse(wb, wb.sheets(), new SheetParser.Sink() {
                @Override
                public void row(SheetParser.SourceRow row) {
                    parsed.add(row);
                }

                @Override
                public void note(String sheet, int rowNumber, String message) {
                }
            });
        }
        assertThat(parsed).extracting(r -> r.get(SheetColumn.NAME)).containsExactly(tag + "第0家加工厂", tag + "第1家加工厂",
                tag + "第2家加工厂", tag + "第3家加工厂", tag + "第4家加工厂", tag + "第5家加工厂", tag + "第6家加工厂", tag + "第7家加工厂",
                tag + "第8家加工厂");
    }
}
