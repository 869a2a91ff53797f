package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.dhatim.fastexcel.Worksheet;
import org.qingyuan.ledger.EnterpriseExport.FormRow;
import org.qingyuan.rectification.CaseFormColumns;

/**
 * Writes enterprises a chunk at a time, in a {@link Pipeline} of three threads: the calling one reads them through the
 * ledger's cursor, a second looks up the chunk's rectification columns (one query per chunk, on a connection of its
 * own), a third writes the cells; two chunks at most wait between two stages, so memory stays flat. A full sheet goes
 * on in a continuation sheet (续表) with the header repeated.
 */
final class FormRowsWriter {

    static final int CHUNK = 1000;

    private final org.dhatim.fastexcel.Workbook book;
    private final Layout layout;
    private final List<SheetColumn> columns;
    private final CaseFormColumns cases;
    /** The instant the rows stand at (their rectification columns are looked up as of then), or null for now. */
    private final Instant asOf;
    private final FormCells cells;
    private List<FormRow> chunk = new ArrayList<>(CHUNK);
    private Pipeline.Handoff<List<FormRow>> read;
    /** Time of each stage (each written by its own thread, read after they ended). */
    long firstRowNanos;
    volatile long lookupNanos;
    volatile long cellNanos;
    long putWaitNanos;
    /** The sheet being written, its next row, its first data row, and how many sheets there are (续表 beyond the first). */
    Worksheet ws;
    int row;
    int firstDataRow;
    int sheets = 1;
    private int seq;

    /** A chunk with its rectification columns. */
    private record Batch(List<FormRow> rows, Map<Long, CaseFormColumns.Columns> campaign) {
    }

    FormRowsWriter(org.dhatim.fastexcel.Workbook book, Worksheet ws, Layout layout, List<SheetColumn> columns, int row,
                   CaseFormColumns cases, Instant asOf, FormCells cells) {
        this.book = book;
        this.ws = ws;
        this.layout = layout;
        this.columns = columns;
        this.row = row;
        this.firstDataRow = row;
        this.cases = cases;
        this.asOf = asOf;
        this.cells = cells;
    }

    /** Runs {@code source}, which calls {@link #add} for each enterprise, and writes them all; answers its count. */
    long run(LongSupplier source) throws IOException {
        try (Pipeline pipeline = new Pipeline()) {
            read = pipeline.handoff(2);
            Pipeline.Handoff<Batch> looked = pipeline.handoff(2);
            pipeline.start("sheets-export-lookup", () -> {
                for (List<FormRow> rows = read.take(); rows != null; rows = read.take()) {
                    long start = System.nanoTime();
                    Long[] ids = rows.stream().map(e -> e.id().value()).toArray(Long[]::new);
                    boolean withCategory = columns.contains(SheetColumn.CATEGORY);
                    Batch batch = new Batch(rows, asOf == null ? cases.of(ids, withCategory) : cases.of(ids, withCategory, asOf));
                    lookupNanos += System.nanoTime() - start;
                    looked.put(batch);
                }
                looked.end();
            });
            pipeline.start("sheets-export-writer", () -> {
                for (Batch batch = looked.take(); batch != null; batch = looked.take()) {
                    long start = System.nanoTime();
                    write(batch);
                    cellNanos += System.nanoTime() - start;
                }
            });
            long count = pipeline.run(() -> {
                long n = source.getAsLong();
                handOff();
                read.end();
                return n;
            });
            putWaitNanos = read.putWaitNanos();
            return count;
        }
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
        read.put(chunk);
        chunk = new ArrayList<>(CHUNK);
    }

    /** Ends the full sheet and goes on in a new one, 续表 (续表2 …), with the header repeated. */
    private void continuation() throws IOException {
        FormFrame.grid(ws, layout, firstDataRow, row - 1, columns.size() - 1);
        ws.finish();
        sheets++;
        String base = layout == Layout.TEMPLATE ? "台账" : layout.title();
        ws = book.newWorksheet(base + "（续表" + (sheets > 2 ? Integer.toString(sheets - 1) : "") + "）");
        ws.value(0, 0, "续表");
        row = FormFrame.header(ws, layout, columns, 1);
        firstDataRow = row;
    }

    private void write(Batch batch) throws IOException {
        for (FormRow e : batch.rows()) {
            if (row > LedgerSheets.lastDataRow) {
                continuation();
            }
            CaseFormColumns.Columns extra = batch.campaign().get(e.id().value());
            seq++;
            for (int c = 0; c < columns.size(); c++) {
                Object v = cells.value(columns.get(c), e, extra, seq);
                if (v instanceof String s) {
                    ws.inlineString(row, c, Cells.neutralised(s));
                } else if (v instanceof Number n) {
                    ws.value(row, c, n);
                } else if (v instanceof LocalDate d) {
                    ws.inlineString(row, c, cells.date(d));
                }
            }
            row++;
        }
        ws.flush();
    }
}
