package org.qingyuan.sheets.internal;

import static org.qingyuan.sheets.internal.SheetColumn.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Worksheet;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.DeclaredFact;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseExport;
import org.qingyuan.ledger.EnterpriseExport.FormRow;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.Fact;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.rectification.CaseFormColumns;
import org.springframework.stereotype.Component;

/**
 * Writes the ledger as an official form, streamed: the title with the unit's name, the unit and
 * date rows, the headers, the rows read through the ledger's cursor a chunk at a time, the
 * footnotes of the seed and a seal block (盖章) for the printed copy; or the full-field template.
 * Every text cell is written inline (no shared-string table to grow) and neutralised against
 * formula injection; rows are flushed as they go, so memory stays flat.
 */
@Component
public class LedgerSheets {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerSheets.class);

    private static final int CHUNK = 1000;

    private final EnterpriseExport ledger;
    private final Divisions divisions;
    private final CaseFormColumns cases;
    private final Map<DivisionCode, String> villageNames = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<DivisionCode, String> localNames = new java.util.concurrent.ConcurrentHashMap<>();

    LedgerSheets(EnterpriseExport ledger, Divisions divisions, CaseFormColumns cases) {
        this.ledger = ledger;
        this.divisions = divisions;
        this.cases = cases;
    }

    /** Who submits the form (联络员 and 联系电话), or nobody. */
    public record Liaison(String name, String phone) {
        static final Liaison NONE = new Liaison("", "");
    }

    /** Writes the form; answers the number of enterprises written. */
    public long write(Layout layout, EnterpriseQuery query, Scope scope, LocalDate date, OutputStream out) throws IOException {
        return write(layout, query, scope, date, Liaison.NONE, out);
    }

    /** Writes the form with its liaison line filled; answers the number of enterprises written. */
    public long write(Layout layout, EnterpriseQuery query, Scope scope, LocalDate date, Liaison liaison, OutputStream out)
            throws IOException {
        Liaison who = liaison == null ? Liaison.NONE : liaison;
        org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(out, "Qingyuan", "1.0");
        book.setGlobalDefaultFont("宋体", 11);
        Worksheet ws = book.newWorksheet(layout == Layout.TEMPLATE ? "台账" : layout.title());
        List<SheetColumn> columns = layout.columns();
        int last = columns.size() - 1;
        Units units = units(query.division() != null ? query.division() : scope.division());

        int row = 0;
        if (layout != Layout.TEMPLATE) {
            ws.value(row, 0, units.district + layout.title());
            ws.range(row, 0, row, last).merge();
            ws.style(row, 0).bold().fontSize(16).horizontalAlignment("center").set();
            ws.rowHeight(row, 30);
            row++;
            if (layout == Layout.SURVEY_LEDGER) {
                ws.value(row, 0, "镇（办）：" + units.town + "    (盖章)");
            } else {
                ws.value(row, 0, "单位名称：" + units.unit + "（加盖公章）");
            }
            ws.range(row, 0, row, last).merge();
            row++;
            if (layout == Layout.SURVEY_LEDGER) {
                ws.value(row, 0, "日期：" + date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
            } else {
                ws.value(row, 0, "联络员：" + pad(who.name()) + "联系电话：" + pad(who.phone()) + "日期：" + date.getYear() + "年"
                        + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
            }
            ws.range(row, 0, row, last).merge();
            row++;
        }
        row = header(ws, layout, columns, row);

        Writer writer = new Writer(book, ws, layout, columns, row);
        long start = System.nanoTime();
        long count = writer.run(() -> ledger.forEachForForms(query, scope, writer::add));
        log.info("export {}: {} rows on {} sheet(s) in {} ms; first row after {} ms, cursor {} ms (waited {} ms for the next "
                        + "stages), rectification look-ups {} ms, cells {} ms (own threads)", layout.param(), count, writer.sheets,
                (System.nanoTime() - start) / 1_000_000, Math.max(0, writer.firstRowNanos - start) / 1_000_000, (System.nanoTime() - start - writer.putWaitNanos) / 1_000_000,
                writer.putWaitNanos / 1_000_000, writer.lookupNanos / 1_000_000, writer.cellNanos / 1_000_000);
        ws = writer.ws;
        row = writer.row;
        grid(ws, layout, writer.firstDataRow, row - 1, last);

        if (layout != Layout.TEMPLATE) {
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
            ws.value(row, from, date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
            ws.range(row, from, row, last).merge();
            ws.style(row, from).horizontalAlignment("center").set();
        }
        ws.finish();
        book.finish();
        return count;
    }

    /** A filled-in blank of the form's lines: the value and some room after it, or the empty blank. */
    private static String pad(String value) {
        return value == null || value.isBlank() ? "              " : value + "    ";
    }

    /** The column headers at the row, with the sheet's widths, print setup and frozen panes; answers the next row. */
    private static int header(Worksheet ws, Layout layout, List<SheetColumn> columns, int row) {
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
    private static void grid(Worksheet ws, Layout layout, int firstRow, int lastRow, int lastColumn) {
        if (lastRow >= firstRow && layout != Layout.TEMPLATE) {
            ws.range(firstRow, 0, lastRow, lastColumn).style().borderStyle(BorderStyle.THIN)
                    .set(new org.dhatim.fastexcel.ConditionalFormattingExpressionRule("TRUE", false));
        }
    }

    /**
     * The last row a sheet takes data in: a sheet holds 1,048,576 rows, and the last sheet keeps room for the
     * footnotes and the seal block. Beyond it the form goes on in a continuation sheet (续表) with the header repeated.
     */
    static int lastDataRow = 1_048_576 - 16;

    /**
     * The platform's empty template: its notes above, the header of every field, room below; after the eleven facts, one
     * column per fact the active plan declares, headed by its Chinese label (read back by {@link SheetParser}).
     */
    public void template(OutputStream out, List<DeclaredFact> declared) throws IOException {
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

    private static double width(SheetColumn c) {
        return switch (c) {
            case SEQ -> 6;
            case NAME, ADDRESS, REMARKS, PROGRESS, EQUIPMENT, CONFORMS -> 24;
            case VILLAGE, RAW_MATERIALS, PRODUCTS, REQUIREMENT, CREDIT_CODE, RESPONSIBLE -> 16;
            case DEADLINE, CATEGORY -> 12;
            default -> 11;
        };
    }

    /**
     * Writes enterprises a chunk at a time, in a pipeline of three threads: the calling one reads them
     * through the ledger's cursor, a second looks up the chunk's rectification columns (one query per
     * chunk, on a connection of its own), a third writes the cells; two chunks at most wait between
     * two stages, so memory stays flat.
     */
    private final class Writer {
        private final Object end = new Object();
        final Layout layout;
        final List<SheetColumn> columns;
        final java.util.concurrent.BlockingQueue<Object> read = new java.util.concurrent.ArrayBlockingQueue<>(2);
        final java.util.concurrent.BlockingQueue<Object> looked = new java.util.concurrent.ArrayBlockingQueue<>(2);
        List<FormRow> chunk = new ArrayList<>(CHUNK);
        volatile Throwable failure;
        /** Time of each stage (each written by its own thread, read after they ended). */
        long putWaitNanos;
        long firstRowNanos;
        volatile long lookupNanos;
        volatile long cellNanos;
        int row;
        int seq;

        /** Texts that repeat from row to row, made once (the cells stage is the export's bottleneck). */
        final Map<LocalDate, String> dates = new HashMap<>();
        final String[] persons = new String[1000];
        final String[] approvalTexts = new String[81];

        String persons(int n) {
            if (n < 0 || n >= persons.length) {
                return n + "人";
            }
            String p = persons[n];
            return p != null ? p : (persons[n] = n + "人");
        }

        /** {@link LedgerSheets#approvals}, by the combination of the four answers (unknown, yes, no each). */
        String approvalsCached(EnterpriseDetails d) {
            int key = 0;
            for (Fact f : APPROVALS_FACTS) {
                Boolean v = d.facts().value(f);
                key = key * 3 + (v == null ? 0 : v ? 1 : 2);
            }
            if (key == 0) {
                return null;
            }
            String text = approvalTexts[key];
            return text != null ? text : (approvalTexts[key] = approvals(d));
        }

        /** Ends the full sheet and goes on in a new one, 续表 (续表2 …), with the header repeated. */
        private void continuation() throws IOException {
            grid(ws, layout, firstDataRow, row - 1, columns.size() - 1);
            ws.finish();
            sheets++;
            String base = layout == Layout.TEMPLATE ? "台账" : layout.title();
            ws = book.newWorksheet(base + "（续表" + (sheets > 2 ? Integer.toString(sheets - 1) : "") + "）");
            ws.value(0, 0, "续表");
            row = header(ws, layout, columns, 1);
            firstDataRow = row;
        }

        /** Per column: its header asks 有无… (answered 有/无) rather than 是否… (是/否). */
        final boolean[] hasOrNot = new boolean[SheetColumn.values().length];

        /** The sheet being written, its first data row, and how many sheets there are (续表 beyond the first). */
        final org.dhatim.fastexcel.Workbook book;
        Worksheet ws;
        int firstDataRow;
        int sheets = 1;

        Writer(org.dhatim.fastexcel.Workbook book, Worksheet ws, Layout layout, List<SheetColumn> columns, int row) {
            this.book = book;
            this.ws = ws;
            this.firstDataRow = row;
            this.layout = layout;
            this.columns = columns;
            this.row = row;
            for (SheetColumn c : columns) {
                hasOrNot[c.ordinal()] = layout.header(c).startsWith("有无");
            }
        }

        /** A chunk with its rectification columns. */
        private record Batch(List<FormRow> rows, Map<Long, CaseFormColumns.Columns> campaign) {
        }

        long run(java.util.function.LongSupplier source) throws IOException {
            Thread lookup = new Thread(this::lookUpAll, "sheets-export-lookup");
            Thread writer = new Thread(this::writeAll, "sheets-export-writer");
            lookup.setDaemon(true);
            writer.setDaemon(true);
            lookup.start();
            writer.start();
            long count;
            boolean ended = false;
            try {
                count = source.getAsLong();
                handOff();
                put(read, end);
                ended = true;
            } finally {
                if (!ended) {
                    failure = failure == null ? new IllegalStateException("export stopped") : failure;
                    lookup.interrupt();
                    writer.interrupt();
                }
                try {
                    lookup.join();
                    writer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure instanceof IOException io) {
                throw io;
            } else if (failure instanceof RuntimeException r) {
                throw r;
            } else if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return count;
        }

        void add(FormRow e) {
            if (firstRowNanos == 0) {
                firstRowNanos = System.nanoTime();
            }
            chunk.add(e);
            if (chunk.size() >= CHUNK) {
                handOff();
            }
        }

        private void handOff() {
            if (chunk.isEmpty()) {
                return;
            }
            long waiting = System.nanoTime();
            put(read, chunk);
            putWaitNanos += System.nanoTime() - waiting;
            chunk = new ArrayList<>(CHUNK);
        }

        private void put(java.util.concurrent.BlockingQueue<Object> queue, Object item) {
            try {
                while (!queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (failure != null) {
                        throw new IllegalStateException("export stopped", failure);
                    }
                }
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", x);
            }
        }

        /** The next item, unless another stage failed meanwhile. */
        private Object take(java.util.concurrent.BlockingQueue<Object> queue) throws InterruptedException {
            while (true) {
                Object item = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                if (failure != null) {
                    throw new IllegalStateException("export stopped", failure);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void lookUpAll() {
            try {
                for (Object item = take(read); item != end; item = take(read)) {
                    long start = System.nanoTime();
                    List<FormRow> rows = (List<FormRow>) item;
                    Batch batch = new Batch(rows, cases.of(rows.stream().map(e -> e.id().value()).toArray(Long[]::new),
                            columns.contains(SheetColumn.CATEGORY)));
                    lookupNanos += System.nanoTime() - start;
                    put(looked, batch);
                }
                put(looked, end);
            } catch (Throwable t) {
                fail(t);
            }
        }

        private void writeAll() {
            try {
                for (Object item = take(looked); item != end; item = take(looked)) {
                    long start = System.nanoTime();
                    write((Batch) item);
                    cellNanos += System.nanoTime() - start;
                }
            } catch (Throwable t) {
                fail(t);
            }
        }

        private void fail(Throwable t) {
            if (failure == null) {
                failure = t;
            }
            read.clear();
            looked.clear();
        }

        private void write(Batch batch) throws IOException {
            for (FormRow e : batch.rows()) {
                if (row > lastDataRow) {
                    continuation();
                }
                CaseFormColumns.Columns extra = batch.campaign().get(e.id().value());
                seq++;
                for (int c = 0; c < columns.size(); c++) {
                    Object v = value(columns.get(c), e, extra, seq);
                    if (v instanceof String s) {
                        ws.inlineString(row, c, Cells.neutralised(s));
                    } else if (v instanceof Number n) {
                        ws.value(row, c, n);
                    } else if (v instanceof LocalDate d) {
                        // as text, so that no cell needs a style of its own (and it reads back as a date)
                        ws.inlineString(row, c, dates.computeIfAbsent(d, LocalDate::toString));
                    }
                }
                row++;
            }
            ws.flush();
        }

        private Object value(SheetColumn column, FormRow e, CaseFormColumns.Columns extra, int seqValue) {
            EnterpriseDetails d = e.details();
            return switch (column) {
                case SEQ -> seqValue;
                case NAME -> d.name();
                case CREDIT_CODE -> d.identity().creditCode();
                case OPERATOR -> d.identity().operator();
                case CONTACT -> d.identity().contactPerson();
                case PHONE -> d.identity().contactPhone();
                case VILLAGE -> layout == Layout.COMMUNITY_TABLE ? localName(d.division()) : villageName(d.division());
                case DIVISION_CODE -> d.division().value();
                case ADDRESS -> d.place().address();
                case LONGITUDE -> d.place().longitude();
                case LATITUDE -> d.place().latitude();
                case INDUSTRY -> d.business().industry() == null ? null : d.business().industry().label();
                case KEY_INDUSTRY -> yesNo(d.business().isKeyIndustry(), "是", "否");
                case EIGHT_SMALL -> yesNo(d.business().isEightSmall(), "是", "否");
                case PRODUCTS -> d.business().products();
                case RAW_MATERIALS -> d.business().rawMaterials();
                case EQUIPMENT -> d.business().equipmentModels();
                case EMPLOYEES -> d.business().employees();
                case SCALE -> d.business().employees() == null ? null : persons(d.business().employees());
                case OUTPUT -> plainNumber(d.business().outputValue());
                case PREMISES -> d.business().premises() == null ? null : d.business().premises().label();
                case LANDLORD -> d.business().landlord();
                case WATER_GAS -> waterGas(d);
                case APPROVALS -> approvalsCached(d);
                case TYPE -> d.campaign().type().label();
                case DISCOVERY -> d.campaign().discovery().label();
                case REPORTED_ON -> d.campaign().reportedOn();
                case CATEGORY -> extra == null ? null : extra.category();
                case REQUIREMENT -> extra == null ? null : extra.requirement();
                case DEADLINE -> extra == null ? null : extra.deadline();
                case RESPONSIBLE -> extra == null ? null : extra.responsible();
                case PROGRESS -> extra == null ? null : extra.progress();
                case REMARKS -> d.campaign().remarks();
                default -> {
                    Fact fact = column.fact();
                    if (fact == null) {
                        yield null;
                    }
                    Boolean v = d.facts().value(fact);
                    yield hasOrNot[column.ordinal()] ? yesNo(v, "有", "无") : yesNo(v, "是", "否");
                }
            };
        }
    }

    private static BigDecimal plainNumber(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String yesNo(Boolean v, String yes, String no) {
        return v == null ? null : v ? yes : no;
    }

    private static String waterGas(EnterpriseDetails d) {
        Boolean water = d.facts().value(Fact.INVOLVES_WATER);
        Boolean gas = d.facts().value(Fact.INVOLVES_GAS);
        if (Boolean.TRUE.equals(water) && Boolean.TRUE.equals(gas)) {
            return "涉水涉气";
        }
        if (Boolean.TRUE.equals(water)) {
            return "涉水";
        }
        if (Boolean.TRUE.equals(gas)) {
            return "涉气";
        }
        return Boolean.FALSE.equals(water) && Boolean.FALSE.equals(gas) ? "不涉及" : null;
    }

    private static final List<Fact> APPROVALS_FACTS = List.of(Fact.HAS_BUSINESS_LICENCE, Fact.HAS_EIA_APPROVAL,
            Fact.HAS_FIRE_APPROVAL, Fact.HAS_PLANNING_APPROVAL);
    private static final Map<Fact, String> APPROVAL_NAMES = Map.of(Fact.HAS_BUSINESS_LICENCE, "营业执照", Fact.HAS_EIA_APPROVAL,
            "环评", Fact.HAS_FIRE_APPROVAL, "消防", Fact.HAS_PLANNING_APPROVAL, "规划");

    /**
     * 有 when every approval is held, 无 when none, else exactly what is known: what is missing, then what is held
     * (无环评、消防手续；有营业执照、规划手续); an approval nobody checked is not named, so the cell imports back as it was.
     */
    private static String approvals(EnterpriseDetails d) {
        List<String> missing = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (Fact f : APPROVALS_FACTS) {
            Boolean v = d.facts().value(f);
            if (v != null) {
                (v ? held : missing).add(APPROVAL_NAMES.get(f));
            }
        }
        if (missing.isEmpty() && held.isEmpty()) {
            return null;
        }
        if (missing.isEmpty() && held.size() == APPROVALS_FACTS.size()) {
            return "有";
        }
        if (held.isEmpty() && missing.size() == APPROVALS_FACTS.size()) {
            return "无";
        }
        String no = missing.isEmpty() ? "" : "无" + String.join("、", missing) + "手续";
        String yes = held.isEmpty() ? "" : "有" + String.join("、", held) + "手续";
        return no.isEmpty() ? yes : yes.isEmpty() ? no : no + "；" + yes;
    }

    /** 金河社区居民委员会 → 金河社区, 毛庄村民委员会 → 毛庄村. */
    static String shortName(String name) {
        return name.replace("居民委员会", "").replace("村民委员会", "村").replace("村村", "村");
    }

    private String villageName(DivisionCode code) {
        return villageNames.computeIfAbsent(code, c -> divisions.find(c).map(d -> shortName(d.name())).orElse(c.value()));
    }

    /** 新城街道 金河社区: the community table's 所属街道社区. */
    private String localName(DivisionCode code) {
        return localNames.computeIfAbsent(code, c -> {
            StringBuilder s = new StringBuilder();
            for (Division d : divisions.path(code)) {
                if (d.level() == DivisionLevel.TOWN || d.level() == DivisionLevel.VILLAGE) {
                    s.append(s.isEmpty() ? "" : " ").append(shortName(d.name()));
                }
            }
            return s.toString();
        });
    }

    /** The names the form's title and unit rows need. */
    private record Units(String district, String town, String unit) {
    }

    private Units units(DivisionCode code) {
        String district = "";
        String town = "";
        String unit = "";
        for (Division d : divisions.path(code)) {
            if (d.level() == DivisionLevel.COUNTY) {
                district = d.name();
            } else if (d.level() == DivisionLevel.TOWN) {
                town = d.name();
            }
            unit = d.name();
        }
        return new Units(district, town, unit);
    }
}
