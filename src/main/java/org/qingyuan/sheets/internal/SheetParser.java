package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qingyuan.sheets.internal.Workbook.Region;
import org.qingyuan.sheets.internal.Workbook.SheetInfo;

/**
 * Finds the table in each sheet of a town's file and hands on its data rows: skips the title and
 * the unit / date / liaison rows above the header (keeping what they say), recognises the header
 * by its names (also over two rows: 完成情况 / （完成日期）, or a group heading over its
 * sub-columns), fills cells merged down several rows into each row, and leaves out blank rows,
 * footnotes (注：…), repeated headers, totals and 续表 titles. A sheet without a header of its
 * own (a continuation sheet) uses the previous sheet's.
 */
final class SheetParser {

    /** Rows searched for the header before a sheet is taken to have none. */
    private static final int HEADER_SEARCH = 30;
    private static final int MIN_HEADER_COLUMNS = 3;

    /**
     * A data row: the values by column (ordinal of {@link SheetColumn}), the row number as Excel shows it, and the values of
     * the columns of facts the plan declares (in the order of {@link Header#declared()}).
     */
    record SourceRow(String sheet, int rowNumber, Object[] values, Header header, Object[] declaredValues) {

        SourceRow(String sheet, int rowNumber, Object[] values, Header header) {
            this(sheet, rowNumber, values, header, new Object[0]);
        }

        Object get(SheetColumn column) {
            return values[column.ordinal()];
        }

        boolean has(SheetColumn column) {
            return header.has(column);
        }
    }

    /** A column of a fact the active plan declares: the fact's name, its cell, the file's header text. */
    record DeclaredColumn(String fact, int cell, String name) {
    }

    /** Where each column is in a sheet and what the file calls it; the columns of declared facts besides. */
    record Header(int[] cellOf, String[] names, List<DeclaredColumn> declared) {

        Header(int[] cellOf, String[] names) {
            this(cellOf, names, List.of());
        }

        boolean has(SheetColumn column) {
            return cellOf[column.ordinal()] >= 0;
        }

        /** The file's own header text for a column, else the platform's. */
        String name(SheetColumn column) {
            String n = names[column.ordinal()];
            return n == null ? column.label() : n;
        }
    }

    /** What the parser reports besides rows. */
    interface Sink {
        void row(SourceRow row) throws IOException;

        /** A row left out on purpose (footnote, total, repeated header …), or a note about the file. */
        void note(String sheet, int rowNumber, String message);

        /** One more physical row read, for progress. */
        default void advanced(int rows) {
        }
    }

    /** What the rows above the header say: unit, date, liaison. */
    static final class FileNotes {
        String title;
        String unit;
        LocalDate date;
        String liaison;
        String phone;
    }

    private static final Pattern UNIT = Pattern.compile("(?:镇\\(办\\)|镇（办）|填报单位|单位名称|报送单位|单位|街道|乡镇)[:：]\\s*([^\\s:：(（]+)");
    private static final Pattern DATE = Pattern.compile("(?:日期|填报日期|报送日期|时间)[:：]\\s*(.+?)\\s*(?:$|联络员|联系)");
    private static final Pattern LIAISON = Pattern.compile("联络员[:：]\\s*([^\\s:：]+)");
    private static final Pattern PHONE = Pattern.compile("联系电话[:：]\\s*([0-9０-９\\-－ ]{7,})");
    private static final Pattern FOOTNOTE = Pattern.compile(
            "^(注[\\s:：0-9０-９一、.．(（]|注$|说明[:：]|填表说明|填报说明|填报人|填表人|审核人|制表人|制表|单位负责人|负责人[:：]|"
                    + "分管领导|主要领导|联系人[:：]|联络员[:：]|填表日期|填报日期|报送日期|\\(盖章\\)|（盖章）|盖章)");
    private static final Pattern TOTAL = Pattern.compile("^(合\\s*计|小\\s*计|总\\s*计|共计)");
    private static final Pattern TITLE = Pattern.compile("续表|台账|统计表|汇总表|一览表|情况表");
    /** What a total row writes under the enterprise name: 3家, 共 12 户, 5. */
    private static final Pattern COUNT = Pattern.compile("^(合计|共计|共|计)?[:：]?\\d+(家|户|个|处|座)?(企业)?$");

    private final FileNotes notes = new FileNotes();

    /** Headers of the facts the active plan declares (normalised label or name → fact name); they win over synonyms. */
    private final Map<String, String> declaredHeaders;

    SheetParser() {
        this(Map.of());
    }

    /** @param declaredHeaders normalised header ({@link SheetColumn#normalise}) → name of a fact the plan declares */
    SheetParser(Map<String, String> declaredHeaders) {
        this.declaredHeaders = Map.copyOf(declaredHeaders);
    }

    FileNotes notes() {
        return notes;
    }

    /** Reads every sheet of the workbook into the sink. */
    void parse(Workbook workbook, List<SheetInfo> sheets, Sink sink) throws IOException {
        Header previous = null;
        for (SheetInfo sheet : sheets) {
            SheetState state = new SheetState(sheet, previous, sink);
            workbook.rows(sheet, state::accept);
            state.finish();
            if (state.header != null) {
                previous = state.header;
            }
        }
    }

    private final class SheetState {
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

        SheetState(SheetInfo sheet, Header inherited, Sink sink) {
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
                Header found = headerOf(cells, declaredHeaders);
                if (found != null) {
                    header = found;
                    headerPending = true;
                    headerRow = rowIndex;
                    headerCells = cells;
                    for (int i = 0; i < buffer.size() - 1; i++) {
                        readNotes(buffer.get(i));
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
                Header combined = subHeader(headerCells, cells, declaredHeaders);
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
            if (inherited != null && buffer.stream().anyMatch(SheetParser::nonBlank)) {
                header = inherited;
                sink.note(sheet.name(), 0, "工作表“" + sheet.name() + "”没有表头，按续表处理，沿用前一工作表的列");
                for (int i = 0; i < buffer.size(); i++) {
                    data(bufferRows.get(i), buffer.get(i));
                }
            } else if (!reportedNoHeader && buffer.stream().anyMatch(SheetParser::nonBlank)) {
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
            String first = firstText(cells);
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
                if (first != null && TITLE.matcher(first).find()) {
                    sink.note(sheet.name(), rowNumber, "标题行（" + first + "），已跳过");
                }
                return;
            }
            if (first != null && TOTAL.matcher(Cells.plain(first)).find() && countOrEmpty(values[SheetColumn.NAME.ordinal()])) {
                sink.note(sheet.name(), rowNumber, "合计行，已跳过");
                return;
            }
            if (repeatsHeader(cells) && headerOf(cells, declaredHeaders) != null) {
                sink.note(sheet.name(), rowNumber, "重复的表头，已跳过");
                return;
            }
            if (values[SheetColumn.NAME.ordinal()] == null && nonEmpty(cells) == 1 && first != null
                    && TITLE.matcher(first).find()) {
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

        private void readNotes(Object[] cells) {
            StringBuilder line = new StringBuilder();
            for (Object c : cells) {
                String t = Cells.text(c);
                if (t != null) {
                    line.append(t).append(' ');
                }
            }
            String text = line.toString().strip();
            if (text.isEmpty()) {
                return;
            }
            if (notes.title == null && TITLE.matcher(text).find() && !text.contains("：") && !text.contains(":")) {
                notes.title = text;
                return;
            }
            Matcher m = UNIT.matcher(text);
            if (m.find() && notes.unit == null) {
                notes.unit = m.group(1).replace("(盖章)", "").replace("（盖章）", "");
                if (notes.unit.isBlank() || notes.unit.contains("盖章")) {
                    notes.unit = null;
                }
            }
            m = DATE.matcher(text);
            if (m.find() && notes.date == null) {
                try {
                    Cells.DateValue d = Cells.date(m.group(1).strip(), null);
                    notes.date = d == null ? null : d.date();
                } catch (Cells.Unreadable e) {
                    // 日期： 年 月 日 left blank on the form
                }
            }
            m = LIAISON.matcher(text);
            if (m.find() && notes.liaison == null) {
                notes.liaison = m.group(1);
            }
            m = PHONE.matcher(text);
            if (m.find() && notes.phone == null) {
                notes.phone = Cells.plain(m.group(1));
            }
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
                String text = join(c < upper.length ? Cells.text(upper[c]) : null,
                        lower != null && c < lower.length ? Cells.text(lower[c]) : null);
                if (text != null) {
                    sink.note(sheet.name(), headerRow + 1, "未识别的列“" + text + "”（第 " + columnName(c) + " 列），已忽略");
                }
            }
        }
    }

    /** The header a row would be: at least three known columns, one of them the enterprise's name. */
    private static Header headerOf(Object[] cells, Map<String, String> declaredHeaders) {
        int[] cellOf = new int[SheetColumn.values().length];
        Arrays.fill(cellOf, -1);
        String[] names = new String[cellOf.length];
        List<DeclaredColumn> declared = new ArrayList<>();
        int found = 0;
        for (int c = 0; c < cells.length; c++) {
            if (!(cells[c] instanceof String s)) {
                continue;
            }
            if (declared(s, c, declaredHeaders, declared)) {
                continue;
            }
            SheetColumn column = SheetColumn.byHeader(s);
            if (column != null && cellOf[column.ordinal()] < 0) {
                cellOf[column.ordinal()] = c;
                names[column.ordinal()] = Cells.plain(s);
                found++;
            }
        }
        return found >= MIN_HEADER_COLUMNS && cellOf[SheetColumn.NAME.ordinal()] >= 0 ? new Header(cellOf, names, declared) : null;
    }

    /** Whether the header text names a fact the plan declares (then added to {@code declared} once). */
    private static boolean declared(String text, int cell, Map<String, String> declaredHeaders, List<DeclaredColumn> declared) {
        if (declaredHeaders.isEmpty() || text == null) {
            return false;
        }
        String fact = declaredHeaders.get(SheetColumn.normalise(text));
        if (fact == null) {
            return false;
        }
        if (declared.stream().noneMatch(d -> d.fact().equals(fact))) {
            declared.add(new DeclaredColumn(fact, cell, Cells.plain(text)));
        }
        return true;
    }

    /**
     * The header over two rows, when the row below the header is a second header row: most of its
     * cells name a column alone (消防 under 手续情况) or together with the cell above
     * (完成情况 + （完成日期））, and none of it is data. Null when it is a data row.
     */
    private static Header subHeader(Object[] upper, Object[] lower, Map<String, String> declaredHeaders) {
        List<DeclaredColumn> declared = new ArrayList<>();
        int matched = 0;
        int filled = 0;
        int width = Math.max(upper.length, lower.length);
        int[] cellOf = new int[SheetColumn.values().length];
        Arrays.fill(cellOf, -1);
        String[] names = new String[cellOf.length];
        Map<SheetColumn, Integer> byColumn = new EnumMap<>(SheetColumn.class);
        for (int c = 0; c < width; c++) {
            String up = c < upper.length ? Cells.text(upper[c]) : null;
            Object lowValue = c < lower.length ? lower[c] : null;
            if (lowValue != null && !(lowValue instanceof String)) {
                return null;
            }
            String low = Cells.text(lowValue);
            SheetColumn column = null;
            String name = null;
            if (low != null && declared(low, c, declaredHeaders, declared)) {
                filled++;
                matched++;
                continue;
            }
            if (low == null && up != null && declared(up, c, declaredHeaders, declared)) {
                continue;
            }
            if (low != null) {
                filled++;
                if (up != null && !up.equals(low) && (column = SheetColumn.byHeader(up + low)) != null) {
                    name = up + low;
                } else if ((column = SheetColumn.byHeader(low)) != null) {
                    name = low;
                }
                if (column != null) {
                    matched++;
                }
            }
            if (column == null && up != null) {
                column = SheetColumn.byHeader(up);
                name = up;
            }
            if (column != null && !byColumn.containsKey(column)) {
                byColumn.put(column, c);
                cellOf[column.ordinal()] = c;
                names[column.ordinal()] = Cells.plain(name);
            }
        }
        if (filled == 0 || matched * 2 < filled) {
            return null;
        }
        return cellOf[SheetColumn.NAME.ordinal()] >= 0 ? new Header(cellOf, names, declared) : null;
    }

    private static boolean nonBlank(Object[] cells) {
        return nonEmpty(cells) > 0;
    }

    private static int nonEmpty(Object[] cells) {
        int n = 0;
        for (Object c : cells) {
            if (Cells.text(c) != null) {
                n++;
            }
        }
        return n;
    }

    private static String firstText(Object[] cells) {
        for (Object c : cells) {
            String t = Cells.text(c);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.equals(b) ? a : a + b;
    }

    static String columnName(int index) {
        StringBuilder s = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            s.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return s.toString();
    }
}
