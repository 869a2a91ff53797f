package org.qingyuan.sheets.internal;

import static org.qingyuan.sheets.internal.SheetColumn.*;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Worksheet;
import org.qingyuan.ledger.DeclaredFact;
import org.qingyuan.shared.ChineseDates;

/**
 * The layout of an official form around its rows: the title with the unit's name, the unit and date rows (联络员 on the
 * community table), the column headers with widths and print setup, the grid, the footnotes of the seed and the seal
 * block (盖章) of the printed copy; and the platform's empty template.
 */
final class FormFrame {

    private FormFrame() {
    }

    /** The names the form's title and unit rows need. */
    record Units(String district, String town, String unit) {
    }

    /** The title, unit and date rows (none on the template); answers the next row. */
    static int titleRows(Worksheet ws, Layout layout, Units units, LedgerSheets.Liaison who, LocalDate date, int last) {
        int row = 0;
        if (layout == Layout.TEMPLATE) {
            return row;
        }
        ws.value(row, 0, units.district() + layout.title());
        ws.range(row, 0, row, last).merge();
        ws.style(row, 0).bold().fontSize(16).horizontalAlignment("center").set();
        ws.rowHeight(row, 30);
        row++;
        if (layout == Layout.SURVEY_LEDGER) {
            ws.value(row, 0, "镇（办）：" + units.town() + "    (盖章)");
        } else {
            ws.value(row, 0, "单位名称：" + units.unit() + "（加盖公章）");
        }
        ws.range(row, 0, row, last).merge();
        row++;
        if (layout == Layout.SURVEY_LEDGER) {
            ws.value(row, 0, "日期：" + ChineseDates.of(date));
        } else {
            ws.value(row, 0, "联络员：" + pad(who.name()) + "联系电话：" + pad(who.phone()) + "日期：" + ChineseDates.of(date));
        }
        ws.range(row, 0, row, last).merge();
        return row + 1;
    }

    /** The footnotes and the seal block below the rows (none on the template). */
    static void footer(Worksheet ws, Layout layout, LedgerSheets.Liaison who, LocalDate date, int row, int last) {
        if (layout == Layout.TEMPLATE) {
            return;
        }
        row++;
        for (String note : layout.footnotes()) {
            ws.value(row, 0, note);
            ws.range(row, 0, row, last).merge();
            ws.style(row, 0).wrapText(true).set();
            row++;
        }
        // the seal block of the printed copy
        row++;
        int from = Math.max(0, last - 4);
        ws.value(row, 0, "填表人：" + pad(who.name()) + "审核人：              联系电话：" + who.phone());
        ws.range(row, 0, row, Math.max(0, from - 1)).merge();
        ws.value(row, from, "填报单位（盖章）");
        ws.range(row, from, row, last).merge();
        ws.style(row, from).horizontalAlignment("center").set();
        row++;
        ws.value(row, from, ChineseDates.of(date));
        ws.range(row, from, row, last).merge();
        ws.style(row, from).horizontalAlignment("center").set();
    }


    /** A filled-in blank of the form's lines: the value and some room after it, or the empty blank. */
    static String pad(String value) {
        return value == null || value.isBlank() ? "              " : value + "    ";
    }

    /** The column headers at the row, with the sheet's widths, print setup and frozen panes; answers the next row. */
    static int header(Worksheet ws, Layout layout, List<SheetColumn> columns, int row) {
        int last = columns.size() - 1;
        for (int c = 0; c <= last; c++) {
            ws.value(row, c, layout.header(columns.get(c)));
            ws.style(row, c).bold().wrapText(true).horizontalAlignment("center").verticalAlignment("center")
                    .borderStyle(BorderStyle.THIN).fillColor("F2F2F2").set();
            ws.width(c, width(columns.get(c)));
        }
        ws.rowHeight(row, 36);
        ws.repeatRows(row);
        ws.freezePane(layout == Layout.TEMPLATE ? 1 : 0, row + 1);
        ws.pageOrientation("landscape");
        ws.paperSize(org.dhatim.fastexcel.PaperSize.A4_PAPER);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
        return row + 1;
    }

    /** The form's grid as one conditional format over the data rows (no per-cell style: O(1) however many rows). */
    static void grid(Worksheet ws, Layout layout, int firstRow, int lastRow, int lastColumn) {
        if (lastRow >= firstRow && layout != Layout.TEMPLATE) {
            ws.range(firstRow, 0, lastRow, lastColumn).style().borderStyle(BorderStyle.THIN)
                    .set(new org.dhatim.fastexcel.ConditionalFormattingExpressionRule("TRUE", false));
        }
    }

    /**
     * The platform's empty template: its notes above, the header of every field, room below; after the eleven facts, one
     * column per fact the active plan declares, headed by its Chinese label (read back by {@link SheetParser}).
     */
    static void template(OutputStream out, List<DeclaredFact> declared) throws IOException {
        org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(out, "Qingyuan", "1.0");
        Worksheet ws = book.newWorksheet("台账");
        List<SheetColumn> columns = Layout.TEMPLATE.columns();
        List<String> headers = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        for (SheetColumn column : columns) {
            headers.add(Layout.TEMPLATE.header(column));
            widths.add(width(column));
            if (column == INVOLVES_GAS) {
                for (DeclaredFact fact : declared) {
                    headers.add(fact.label());
                    widths.add(16.0);
                }
            }
        }
        int row = 0;
        ws.value(row, 0, "台账导入模板（全字段）");
        ws.style(row, 0).bold().fontSize(14).set();
        row++;
        for (String note : Layout.TEMPLATE.footnotes()) {
            ws.value(row++, 0, note);
        }
        if (!declared.isEmpty()) {
            ws.value(row++, 0, (Layout.TEMPLATE.footnotes().size() + 1) + ". "
                    + String.join("、", declared.stream().map(f -> "“" + f.label() + "”").toList())
                    + "为现行实施方案所需事实，同样填 是/否、有/无，不清楚的留空。");
        }
        for (int c = 0; c < headers.size(); c++) {
            ws.value(row, c, headers.get(c));
            ws.style(row, c).bold().wrapText(true).fillColor("F2F2F2").borderStyle(BorderStyle.THIN).set();
            ws.width(c, widths.get(c));
        }
        ws.freezePane(1, row + 1);
        ws.finish();
        book.finish();
    }

    static double width(SheetColumn c) {
        return switch (c) {
            case SEQ -> 6;
            case NAME, ADDRESS, REMARKS, PROGRESS, EQUIPMENT, CONFORMS -> 24;
            case VILLAGE, RAW_MATERIALS, PRODUCTS, REQUIREMENT, CREDIT_CODE, RESPONSIBLE -> 16;
            case DEADLINE, CATEGORY -> 12;
            default -> 11;
        };
    }
}
