package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.sheets.internal.ImportJobs.Counts;
import org.qingyuan.sheets.internal.RowMapper.MappedRow;
import org.qingyuan.sheets.internal.SheetParser.SourceRow;

/**
 * The import's reading side, on a thread of its own: takes the parsed rows a chunk at a time, maps each chunk into the
 * ledger's terms and hands it to the transaction's thread. Keeps the notes about the file (the first 500) and counts
 * the rows read, for progress.
 */
final class ImportReader implements SheetParser.Sink {

    private final ImportJob job;
    private final SheetParser parser;
    private final VillageResolver villages;
    private final int chunkSize;
    private final Clock clock;
    private final Counts counts;
    private final List<String> notes;
    private final List<SourceRow> chunk = new ArrayList<>();
    private RowMapper mapper;
    private Pipeline.Handoff<List<MappedRow>> queue;

    ImportReader(ImportJob job, SheetParser parser, VillageResolver villages, int chunkSize, Clock clock, Counts counts,
                 List<String> notes) {
        this.job = job;
        this.parser = parser;
        this.villages = villages;
        this.chunkSize = chunkSize;
        this.clock = clock;
        this.counts = counts;
        this.notes = notes;
    }

    /** Reads every sheet and hands the mapped rows to {@code queue} (which it does not end), the last chunk included. */
    void read(Workbook workbook, List<Workbook.SheetInfo> sheets, Pipeline.Handoff<List<MappedRow>> queue) throws IOException {
        this.queue = queue;
        parser.parse(workbook, sheets, this);
        handOff();
    }

    @Override
    public void row(SourceRow row) throws IOException {
        chunk.add(row);
        if (chunk.size() >= chunkSize) {
            handOff();
        }
    }

    @Override
    public void note(String sheet, int rowNumber, String message) {
        if (notes.size() < 500) {
            notes.add(rowNumber > 0 ? "工作表“" + sheet + "”第 " + rowNumber + " 行：" + message : message);
        }
    }

    @Override
    public void advanced(int rows) {
        counts.read += rows;
    }

    /** Maps the chunk and queues it for writing. */
    private void handOff() throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        if (mapper == null) {
            String unitNote = villages.formUnit(parser.notes().unit);
            if (unitNote != null) {
                note("", 0, unitNote);
            }
            mapper = new RowMapper(job.layout(), villages, parser.notes().date, LocalDate.now(clock));
        }
        List<MappedRow> mapped = new ArrayList<>(chunk.size());
        for (SourceRow r : chunk) {
            mapped.add(mapper.map(r));
        }
        chunk.clear();
        queue.put(mapped);
    }
}
