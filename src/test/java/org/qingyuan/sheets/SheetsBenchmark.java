package org.qingyuan.sheets;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.qingyuan.QingyuanApplication;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.sheets.internal.ImportJob;
import org.qingyuan.sheets.internal.Imports;
import org.qingyuan.sheets.internal.Layout;
import org.qingyuan.sheets.internal.LedgerSheets;
import org.qingyuan.shared.DivisionCode;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import and export at scale; run by {@code bench/sheets.sh}, not by the test suite.
 * For each size (default 100,000 and 1,000,000 rows) it generates a survey ledger (001 附件1) in the
 * official layout, times a bare fastexcel-reader pass over it, imports it end to end (parse, validate,
 * resolve villages, deduplicate, write enterprises, versions and row outcomes, audit) as the district,
 * then exports the ledger as the official form and times a bare fastexcel writer writing as many rows
 * and columns. Heap growth is the rise of the heap in use after garbage collections (the retained
 * memory), sampled every 20 ms during each run, over the level before it.
 */
public final class SheetsBenchmark {

    public static void main(String[] args) throws Exception {
        String[] sizes = System.getProperty("rows", "100000,1000000").split(",");
        Path dir = Path.of(System.getProperty("dir", "target/bench-sheets"));
        Files.createDirectories(dir);
        System.out.printf("machine: %d cores, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        ConfigurableApplicationContext context = SpringApplication.run(QingyuanApplication.class,
                "--qingyuan.data-dir=" + dir.resolve("data"), "--qingyuan.embedded.ephemeral=true", "--qingyuan.demo=true",
                "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                // the import's and the export's own account of where the time went, one line each
                "--logging.level.org.qingyuan.sheets.internal.ImportRunner=INFO",
                "--logging.level.org.qingyuan.sheets.internal.LedgerSheets=INFO");
        try {
            Imports imports = context.getBean(Imports.class);
            LedgerSheets sheets = context.getBean(LedgerSheets.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            CurrentUser district = new CurrentUser(1, "district", "区办", "DISTRICT_OFFICE", "区办", DivisionCode.of("410108"), null);
            warmUp(imports, jdbc, district, dir);
            // the export and the bare writer of the same cells warm up too (20,000 rows in the ledger by now)
            Path warmExport = dir.resolve("warm-up-export.xlsx");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(warmExport))) {
                tx.execute(st -> {
                    try {
                        return sheets.write(Layout.SURVEY_LEDGER, allRows(), Scope.of(DivisionCode.of("410108")), LocalDate.now(), out);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            bareWriteSame(readBack(warmExport), dir.resolve("warm-up-bare-same.xlsx"));
            for (String s : sizes) {
                int rows = Integer.parseInt(s.strip());
                String prefix = "B" + rows + "-";
                Path file = dir.resolve("survey-ledger-" + rows + ".xlsx");
                if (!Files.exists(file)) {
                    long t = System.nanoTime();
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                        BenchLedgers.surveyLedger(rows, prefix, out);
                    }
                    System.out.printf("generated %s (%d MB) in %.1f s%n", file, Files.size(file) >> 20, secs(t));
                }
                System.out.printf("[%,d rows] load average before the run (other processes share the cores): %s%n", rows,
                        loadAverage());
                Sampler readSampler = Sampler.start();
                long t0 = System.nanoTime();
                long cells = bareRead(file);
                double bareRead = secs(t0);
                readSampler.stop();
                System.out.printf("[%,d rows] bare fastexcel-reader pass: %.2f s, %,.0f rows/s (%,d cells), heap growth %d MB%n",
                        rows, bareRead, rows / bareRead, cells, readSampler.growthMb());

                Sampler importSampler = Sampler.start();
                long t1 = System.nanoTime();
                ImportJob job;
                try (InputStream in = Files.newInputStream(file)) {
                    job = imports.submit(file.getFileName().toString(), in, Layout.SURVEY_LEDGER, ImportJob.Mode.VALID_ROWS, district);
                }
                String state = await(jdbc, job.id());
                double importSecs = secs(t1);
                importSampler.stop();
                var counts = jdbc.sql("SELECT data_rows, accepted_rows, rejected_rows, duplicate_rows, extract(epoch FROM finished_at - started_at) AS run FROM sheet_import WHERE id = :id")
                        .param("id", job.id()).query().singleRow();
                System.out.printf("[%,d rows] import end to end: %s in %.2f s (job run %.2f s), %,.0f rows/s = %.2f x bare reader; "
                                + "accepted %s, rejected %s, duplicates %s; heap growth %d MB (peak used +%d MB)%n",
                        rows, state, importSecs, ((Number) counts.get("run")).doubleValue(), rows / importSecs,
                        (rows / importSecs) / (rows / bareRead), counts.get("accepted_rows"), counts.get("rejected_rows"),
                        counts.get("duplicate_rows"), importSampler.growthMb(), importSampler.peakMb());

                Path exported = dir.resolve("export-" + rows + ".xlsx");
                EnterpriseQuery query = allRows();
                Sampler exportSampler = Sampler.start();
                long t2 = System.nanoTime();
                long written = tx.execute(st -> {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(exported))) {
                        return sheets.write(Layout.SURVEY_LEDGER, query, Scope.of(DivisionCode.of("410108")), LocalDate.now(), out);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                double exportSecs = secs(t2);
                exportSampler.stop();
                Sampler writerSampler = Sampler.start();
                long t3 = System.nanoTime();
                bareWrite(dir.resolve("bare-" + rows + ".xlsx"), written, 14);
                double bareWrite = secs(t3);
                writerSampler.stop();
                // the same cells as the export wrote (read back first, not timed), written by a bare writer
                java.util.List<java.util.List<Object[]>> sameCells = readBack(exported);
                long t4 = System.nanoTime();
                bareWriteSame(sameCells, dir.resolve("bare-same-" + rows + ".xlsx"));
                double bareSame = secs(t4);
                sameCells = null;
                System.out.printf("[%,d rows] export survey ledger: %,d rows in %.2f s, %,.0f rows/s = %.2f x bare writer of the "
                                + "same cells (%.2f s, %,.0f rows/s) = %.2f x bare writer of 14 short texts per row (%.2f s); "
                                + "heap growth %d MB (bare writer %d MB); file %d MB%n",
                        rows, written, exportSecs, written / exportSecs, bareSame / exportSecs, bareSame, written / bareSame,
                        bareWrite / exportSecs, bareWrite, exportSampler.growthMb(), writerSampler.growthMb(),
                        Files.size(exported) >> 20);
            }
        } finally {
            context.close();
        }
    }

    /** The whole ledger, newest first, as the export page asks for it with no filter. */
    private static EnterpriseQuery allRows() {
        return new EnterpriseQuery(null, null, null, null, null, null, null, null, null, null, null, null,
                false, false, EnterpriseQuery.Sort.REPORTED_ON, false, 0, EnterpriseQuery.MAX_SIZE);
    }

    private static void warmUp(Imports imports, JdbcClient jdbc, CurrentUser district, Path dir) throws Exception {
        Path file = dir.resolve("warm-up.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            BenchLedgers.surveyLedger(20_000, "W" + System.nanoTime() + "-", out);
        }
        bareRead(file);
        try (InputStream in = Files.newInputStream(file)) {
            await(jdbc, imports.submit("warm-up.xlsx", in, Layout.SURVEY_LEDGER, ImportJob.Mode.VALID_ROWS, district).id());
        }
        bareWrite(dir.resolve("warm-up-bare.xlsx"), 20_000, 14);
    }

    private static String await(JdbcClient jdbc, long id) throws InterruptedException {
        while (true) {
            String state = jdbc.sql("SELECT state FROM sheet_import WHERE id = :id").param("id", id).query(String.class).single();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return state;
            }
            Thread.sleep(20);
        }
    }

    /** A bare pass: every row, every cell's value, nothing else. */
    static long bareRead(Path file) throws IOException {
        long cells = 0;
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile()); Stream<Row> rows = wb.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getValue() != null) {
                        cells++;
                    }
                }
            }
        }
        return cells;
    }

    /** Every sheet of an exported file, row by row, as its cells' values (texts, numbers, nulls). */
    static java.util.List<java.util.List<Object[]>> readBack(Path file) throws IOException {
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        java.util.List<java.util.List<Object[]>> sheets = new java.util.ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            for (org.dhatim.fastexcel.reader.Sheet sheet : wb.getSheets().toList()) {
                java.util.List<Object[]> rows = new java.util.ArrayList<>();
                try (Stream<Row> stream = sheet.openStream()) {
                    stream.forEach(row -> {
                        while (rows.size() < row.getRowNum() - 1) {
                            rows.add(new Object[0]);
                        }
                        Object[] values = new Object[row.getCellCount()];
                        for (int c = 0; c < values.length; c++) {
                            Cell cell = row.getCell(c);
                            if (cell == null || cell.getValue() == null) {
                                continue;
                            }
                            values[c] = cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER ? cell.asNumber()
                                    : texts.computeIfAbsent(cell.getRawValue(), t -> t);
                        }
                        rows.add(values);
                    });
                }
                sheets.add(rows);
            }
        }
        return sheets;
    }

    /** A bare writer of given cells: inline texts and numbers, no styles or merges, flushed every 1,000 rows. */
    static void bareWriteSame(java.util.List<java.util.List<Object[]>> sheets, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            Workbook wb = new Workbook(out, "bench", "1.0");
            int n = 0;
            for (java.util.List<Object[]> rows : sheets) {
                Worksheet ws = wb.newWorksheet("sheet" + (++n));
                for (int r = 0; r < rows.size(); r++) {
                    Object[] values = rows.get(r);
                    for (int c = 0; c < values.length; c++) {
                        if (values[c] instanceof String t) {
                            ws.inlineString(r, c, t);
                        } else if (values[c] instanceof Number v) {
                            ws.value(r, c, v);
                        }
                    }
                    if (r % 1000 == 999) {
                        ws.flush();
                    }
                }
                ws.finish();
            }
            wb.finish();
        }
    }

    /** A bare writer: the same number of rows and columns of short Chinese texts, inline, flushed as it goes. */
    static void bareWrite(Path file, long rows, int columns) throws IOException {
        String[] texts = {"金河社区", "金河机械加工厂", "小散乱污", "20人", "钢材", "涉气", "无", "补办手续", "2017-02-28", "3月底", "张三",
                "正在整治", "备注", "1"};
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            Workbook wb = new Workbook(out, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("bare");
            // a sheet holds 1,048,576 rows: beyond that a second sheet, as the export does
            int perSheet = 1_048_576 - 16;
            for (int r = 0; r < rows; r++) {
                if (r > 0 && r % perSheet == 0) {
                    ws.finish();
                    ws = wb.newWorksheet("bare" + (r / perSheet + 1));
                }
                int at = r % perSheet;
                for (int c = 0; c < columns; c++) {
                    ws.inlineString(at, c, texts[(r + c) % texts.length]);
                }
                if (r % 1000 == 999) {
                    ws.flush();
                }
            }
            ws.finish();
            wb.finish();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Samples the heap: the in-use level after collections, and the peak in use. */
    static final class Sampler implements Runnable {
        private final long baseline;
        private final AtomicLong maxAfterGc = new AtomicLong();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        private Sampler() {
            System.gc();
            baseline = afterGc();
            thread = new Thread(this, "heap-sampler");
            thread.setDaemon(true);
        }

        static Sampler start() {
            Sampler s = new Sampler();
            s.thread.start();
            return s;
        }

        @Override
        public void run() {
            while (running) {
                maxAfterGc.accumulateAndGet(afterGc(), Math::max);
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long growthMb() {
            return Math.max(0, maxAfterGc.get() - baseline) >> 20;
        }

        long peakMb() {
            return Math.max(0, peak.get() - baseline) >> 20;
        }

        private static long afterGc() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    sum += pool.getCollectionUsage().getUsed();
                }
            }
            return sum;
        }
    }
}
