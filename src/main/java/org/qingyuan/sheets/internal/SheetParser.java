package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        static final Pattern TITLE = Pattern.compile("续表|台账|统计表|汇总表|一览表|情况表");
        private static final Pattern UNIT = Pattern.compile("(?:镇\\(办\\)|镇（办）|填报单位|单位名称|报送单位|单位|街道|乡镇)[:：]\\s*([^\\s:：(（]+)");
        private static final Pattern DATE = Pattern.compile("(?:日期|填报日期|报送日期|时间)[:：]\\s*(.+?)\\s*(?:$|联络员|联系)");
        private static final Pattern LIAISON = Pattern.compile("联络员[:：]\\s*([^\\s:：]+)");
        private static final Pattern PHONE = Pattern.compile("联系电话[:：]\\s*([0-9０-９\\-－ ]{7,})");

        String title;
        String unit;
        LocalDate date;
        String liaison;
        String phone;

        /** Reads a row above the header. */
        void read(Object[] cells) {
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
            if (title == null && TITLE.matcher(text).find() && !text.contains("：") && !text.contains(":")) {
                title = text;
                return;
            }
            Matcher m = UNIT.matcher(text);
            if (m.find() && unit == null) {
                unit = m.group(1).replace("(盖章)", "").replace("（盖章）", "");
                if (unit.isBlank() || unit.contains("盖章")) {
                    unit = null;
                }
            }
            m = DATE.matcher(text);
            if (m.find() && date == null) {
                try {
                    Cells.DateValue d = Cells.date(m.group(1).strip(), null);
                    date = d == null ? null : d.date();
                } catch (Cells.Unreadable e) {
                    // 日期： 年 月 日 left blank on the form
                }
            }
            m = LIAISON.matcher(text);
            if (m.find() && liaison == null) {
                liaison = m.group(1);
            }
            m = PHONE.matcher(text);
            if (m.find() && phone == null) {
                phone = Cells.plain(m.group(1));
            }
        }
    }

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
            SheetRows state = new SheetRows(sheet, previous, sink, notes, declaredHeaders);
            workbook.rows(sheet, state::accept);
            state.finish();
            if (state.header != null) {
                previous = state.header;
            }
        }
    }
}
