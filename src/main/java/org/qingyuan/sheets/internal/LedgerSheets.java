package org.qingyuan.sheets.internal;

import static org.qingyuan.sheets.internal.SheetColumn.*;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Worksheet;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.DeclaredFact;
import org.qingyuan.ledger.EnterpriseExport;
import org.qingyuan.ledger.EnterpriseQuery;
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
        return write(layout, query.division() != null ? query.division() : scope.division(), null, date, liaison, out,
                rows -> ledger.forEachForForms(query, scope, rows));
    }

    /**
     * Writes the form of a division as the ledger stood at an instant: the rows reconstructed from the ledger's history
     * ({@link EnterpriseExport#forEachForFormsAsOf}), read in the caller's transaction, and their rectification columns
     * as of the instant as far as the history tells ({@link CaseFormColumns#of(Long[], boolean, Instant)}: a case's
     * requirement, deadline and responsible person are its current ones); answers the number written.
     */
    public long writeAsOf(Layout layout, DivisionCode division, Scope scope, Instant asOf, LocalDate date, Liaison liaison,
                          OutputStream out) throws IOException {
        return write(layout, division, asOf, date, liaison, out, rows -> ledger.forEachForFormsAsOf(division, asOf, scope, rows));
    }

    private long write(Layout layout, DivisionCode unit, Instant asOf, LocalDate date, Liaison liaison, OutputStream out,
                       java.util.function.Function<java.util.function.Consumer<EnterpriseExport.FormRow>, Long> source)
            throws IOException {
        Liaison who = liaison == null ? Liaison.NONE : liaison;
        org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(out, "Qingyuan", "1.0");
        book.setGlobalDefaultFont("宋体", 11);
        Worksheet ws = book.newWorksheet(layout == Layout.TEMPLATE ? "台账" : layout.title());
        List<SheetColumn> columns = layout.columns();
        int last = columns.size() - 1;
        FormFrame.Units units = units(unit);
        int row = FormFrame.titleRows(ws, layout, units, who, date, last);
        row = FormFrame.header(ws, layout, columns, row);

        FormRowsWriter writer = new FormRowsWriter(book, ws, layout, columns, row, cases, asOf,
                new FormCells(layout, columns, this::villageName, this::localName));
        long start = System.nanoTime();
        long count = writer.run(() -> source.apply(writer::add));
        log.info("export {}: {} rows on {} sheet(s) in {} ms; first row after {} ms, cursor {} ms (waited {} ms for the next "
                        + "stages), rectification look-ups {} ms, cells {} ms (own threads)", layout.param(), count, writer.sheets,
                (System.nanoTime() - start) / 1_000_000, Math.max(0, writer.firstRowNanos - start) / 1_000_000,
                (System.nanoTime() - start - writer.putWaitNanos) / 1_000_000, writer.putWaitNanos / 1_000_000,
                writer.lookupNanos / 1_000_000, writer.cellNanos / 1_000_000);
        FormFrame.grid(writer.ws, layout, writer.firstDataRow, writer.row - 1, last);
        FormFrame.footer(writer.ws, layout, who, date, writer.row, last);
        writer.ws.finish();
        book.finish();
        return count;
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
        FormFrame.template(out, declared);
    }

    private String villageName(DivisionCode code) {
        return villageNames.computeIfAbsent(code, c -> divisions.find(c).map(d -> Division.shortName(d.name())).orElse(c.value()));
    }

    /** 新城街道 金河社区: the community table's 所属街道社区. */
    private String localName(DivisionCode code) {
        return localNames.computeIfAbsent(code, c -> {
            StringBuilder s = new StringBuilder();
            for (Division d : divisions.path(code)) {
                if (d.level() == DivisionLevel.TOWN || d.level() == DivisionLevel.VILLAGE) {
                    s.append(s.isEmpty() ? "" : " ").append(Division.shortName(d.name()));
                }
            }
            return s.toString();
        });
    }

    private FormFrame.Units units(DivisionCode code) {
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
        return new FormFrame.Units(district, town, unit);
    }
}
