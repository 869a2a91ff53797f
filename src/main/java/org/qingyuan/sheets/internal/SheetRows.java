package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.qingyuan.sheets.internal.Workbook.Region;
import org.qingyuan.sheets.internal.Workbook.SheetInfo;

import org.qingyuan.sheets.internal.SheetParser.DeclaredColumn;
import org.qingyuan.sheets.internal.SheetParser.FileNotes;
import org.qingyuan.sheets.internal.SheetParser.Header;
import org.qingyuan.sheets.internal.SheetParser.Sink;
import org.qingyuan.sheets.internal.SheetParser.SourceRow;

/**
 * One sheet of a town's file, row by row: finds the header (or takes the previous sheet's), keeps what the rows above it
 * say, fills cells merged down several rows, and hands on the data rows; blank rows, footnotes (注：…), signatures,
 * repeated headers, totals and 续表 titles are left out with a note.
 */
final class SheetRows {

    /** Rows searched for the header before a sheet is taken to have none. */
    private static final int HEADER_SEARCH = 30;
    private static final Pattern FOOTNOTE = Pattern.compile(
            "^(注[\\s:：0-9０-９一、.．(（]|注$|说明[:：]|填表说明|填报说明|填报人|填表人|审核人|制表人|制表|单位负责人|负责人[:：]|"
                    + "分管领导|主要领导|联系人[:：]|联络员[:：]|填表日期|填报日期|报送日期|\\(盖章\\)|（盖章）|盖章)");
    private static final Pattern TOTAL = Pattern.compile("^(合\\s*计|小\\s*计|总\\s*计|共计)");
    /** What a total row writes under the enterprise name: 3家, 共 12 户, 5. */
    private static final Pattern COUNT = Pattern.compile("^(合计|共计|共|计)?[:：]?\\d+(家|户|个|处|座)?(企业)?$");

    private final FileNotes notes;
    private final Map<String, String> declaredHeaders;
    final SheetInfo sheet;
    final Header inherited;
    final Sink sink;
    final List<Region> merges;
    final Object[] mergeValues;
    int nextMerge;
    final List<Integer> active = new ArrayList<>();
    final List<Object[]> buffer = new ArrayList<>();
    final List<Integer> bufferRows = new ArrayList<>();
    Header header;
    /** A footnote or signature row was seen: rows below it without an enterprise name belong to the footer. */
    boolean footer;
    boolean headerPending;
    int headerRow = -1;
    Object[] headerCells;
    boolean reportedNoHeader;

    SheetRows(SheetInfo sheet, Header inherited, Sink sink, FileNotes notes, Map<String, String> declaredHeaders) {
        this.notes = notes;
        this.declaredHeaders = declaredHeaders;
        this.sheet = sheet;
        this.inherited = inherited;
        this.sink = sink;
        this.merges = new ArrayList<>(sheet.merges());
        this.merges.sort(Comparator.comparingInt(Region::firstRow));
        this.mergeValues = new Object[merges.size()];
    }

    void accept(int rowIndex, Object[] raw) throws IOException {
        sink.advanced(1);
        boolean inHeaderZone = header == null || headerPending;
        Object[] cells = fill(rowIndex, raw, inHeaderZone);
        if (header == null) {
            buffer.add(cells);
            bufferRows.add(rowIndex);
            Header found = SheetHeaders.headerOf(cells, declaredHeaders);
            if (found != null) {
                header = found;
                headerPending = true;
                headerRow = rowIndex;
                headerCells = cells;
                for (int i = 0; i < buffer.size() - 1; i++) {
                    notes.read(buffer.get(i));
                }
                buffer.clear();
                bufferRows.clear();
            } else if (buffer.size() >= HEADER_SEARCH) {
                giveUpOnHeader();
            }
            return;
        }
        if (headerPending) {
            headerPending = false;
            Header combined = SheetHeaders.subHeader(headerCells, cells, declaredHeaders);
            if (combined != null) {
                header = combined;
                reportColumns(header, headerCells, cells);
                return;
            }
            reportColumns(header, headerCells, null);
        }
        data(rowIndex, cells);
    }

    void finish() throws IOException {
        if (headerPending) {
            headerPending = false;
            reportColumns(header, headerCells, null);
        }
        if (header == null) {
            giveUpOnHeader();
        }
    }

    private void giveUpOnHeader() throws IOException {
        if (inherited != null && buffer.stream().anyMatch(SheetHeaders::nonBlank)) {
            header = inherited;
            sink.note(sheet.name(), 0, "工作表“" + sheet.name() + "”没有表头，按续表处理，沿用前一工作表的列");
            for (int i = 0; i < buffer.size(); i++) {
                data(bufferRows.get(i), buffer.get(i));
            }
        } else if (!reportedNoHeader && buffer.stream().anyMatch(SheetHeaders::nonBlank)) {
            reportedNoHeader = true;
            sink.note(sheet.name(), 0, "工作表“" + sheet.name() + "”中没有找到表头（如 企业名称、所在村组 等列名），未导入");
        }
        buffer.clear();
        bufferRows.clear();
    }

    private void data(int rowIndex, Object[] cells) throws IOException {
        int rowNumber = rowIndex + 1;
        Object[] values = new Object[SheetColumn.values().length];
        boolean any = false;
        boolean onlySeq = true;
        for (SheetColumn c : SheetColumn.values()) {
            int at = header.cellOf()[c.ordinal()];
            if (at >= 0 && at < cells.length) {
                Object v = cells[at];
                if (v instanceof String s) {
                    v = Cells.text(s);
                }
                values[c.ordinal()] = v;
                if (v != null) {
                    any = true;
                    if (c != SheetColumn.SEQ) {
                        onlySeq = false;
                    }
                }
            }
        }
        Object[] declaredValues = new Object[header.declared().size()];
        for (int k = 0; k < declaredValues.length; k++) {
            int at = header.declared().get(k).cell();
            if (at < cells.length) {
                Object v = cells[at];
                declaredValues[k] = v instanceof String str ? Cells.text(str) : v;
                if (declaredValues[k] != null) {
                    any = true;
                    onlySeq = false;
                }
            }
        }
        String first = SheetHeaders.firstText(cells);
        if (first != null && FOOTNOTE.matcher(Cells.plain(first)).find()
                && values[SheetColumn.NAME.ordinal()] == null) {
            sink.note(sheet.name(), rowNumber, "脚注或落款，已跳过");
            footer = true;
            return;
        }
        if (footer && any && values[SheetColumn.NAME.ordinal()] == null) {
            // below the footnotes: the seal block's unit and date (填报单位（盖章） / 2017年3月1日)
            sink.note(sheet.name(), rowNumber, "脚注或落款，已跳过");
            return;
        }
        if (!any || onlySeq) {
            if (first != null && FileNotes.TITLE.matcher(first).find()) {
                sink.note(sheet.name(), rowNumber, "标题行（" + first + "），已跳过");
            }
            return;
        }
        if (first != null && TOTAL.matcher(Cells.plain(first)).find() && countOrEmpty(values[SheetColumn.NAME.ordinal()])) {
            sink.note(sheet.name(), rowNumber, "合计行，已跳过");
            return;
        }
        if (repeatsHeader(cells) && SheetHeaders.headerOf(cells, declaredHeaders) != null) {
            sink.note(sheet.name(), rowNumber, "重复的表头，已跳过");
            return;
        }
        if (values[SheetColumn.NAME.ordinal()] == null && SheetHeaders.nonEmpty(cells) == 1 && first != null
                && FileNotes.TITLE.matcher(first).find()) {
            sink.note(sheet.name(), rowNumber, "标题行（" + first + "），已跳过");
            return;
        }
        sink.row(new SourceRow(sheet.name(), rowNumber, values, header, declaredValues));
    }

    private static boolean countOrEmpty(Object name) {
        return name == null || name instanceof Number || COUNT.matcher(Cells.plain(Cells.text(name))).matches();
    }

    /**
     * Whether a data row may be the header again (printed tables repeat it on every page): its cell
     * under the enterprise-name header names that column. Checked first because recognising a whole
     * row as a header costs a normalisation of every cell, and this is asked of every data row.
     */
    private boolean repeatsHeader(Object[] cells) {
        int at = header.cellOf()[SheetColumn.NAME.ordinal()];
        return at >= 0 && at < cells.length && cells[at] instanceof String s && SheetColumn.byHeader(s) == SheetColumn.NAME;
    }

    /** Fills cells covered by merged regions: down the first column in data, across the whole region in headers. */
    private Object[] fill(int rowIndex, Object[] cells, boolean across) {
        while (nextMerge < merges.size() && merges.get(nextMerge).firstRow() <= rowIndex) {
            Region r = merges.get(nextMerge);
            if (r.lastRow() >= rowIndex) {
                mergeValues[nextMerge] = r.firstRow() == rowIndex && r.firstColumn() < cells.length
                        ? cells[r.firstColumn()] : null;
                active.add(nextMerge);
            }
            nextMerge++;
        }
        if (active.isEmpty()) {
            return cells;
        }
        Object[] out = cells;
        for (int k = active.size() - 1; k >= 0; k--) {
            int m = active.get(k);
            Region r = merges.get(m);
            if (r.lastRow() < rowIndex) {
                active.remove(k);
                continue;
            }
            Object value = mergeValues[m];
            if (value == null) {
                continue;
            }
            int lastColumn = across ? r.lastColumn() : r.firstColumn();
            if (out.length <= lastColumn) {
                out = Arrays.copyOf(out, lastColumn + 1);
            }
            for (int c = r.firstColumn(); c <= lastColumn; c++) {
                if (r.firstRow() == rowIndex && c == r.firstColumn()) {
                    continue;
                }
                if (out[c] == null || (out[c] instanceof String s && s.isBlank())) {
                    out[c] = value;
                }
            }
        }
        return out;
    }

    private void reportColumns(Header h, Object[] upper, Object[] lower) {
        int width = Math.max(upper.length, lower == null ? 0 : lower.length);
        boolean[] used = new boolean[width];
        for (int at : h.cellOf()) {
            if (at >= 0 && at < width) {
                used[at] = true;
            }
        }
        for (DeclaredColumn d : h.declared()) {
            if (d.cell() < width) {
                used[d.cell()] = true;
            }
        }
        for (int c = 0; c < width; c++) {
            if (used[c]) {
                continue;
            }
            String text = SheetHeaders.join(c < upper.length ? Cells.text(upper[c]) : null,
                    lower != null && c < lower.length ? Cells.text(lower[c]) : null);
            if (text != null) {
                sink.note(sheet.name(), headerRow + 1, "未识别的列“" + text + "”（第 " + SheetHeaders.columnName(c) + " 列），已忽略");
            }
        }
    }
}
