package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An .xlsx file. Rows stream through fastexcel-reader. fastexcel-reader (0.20) does not report
 * merged regions, and they are written after the rows ({@code <mergeCells>} follows
 * {@code <sheetData>}), so {@link SheetPartScan} reads every part of the zip once beforehand for
 * its merged regions and its row count — a byte scan without XML parsing, so it stays cheap. The
 * same pass enforces the {@link WorkbookLimits}: a file that breaks one is refused before
 * fastexcel-reader opens it.
 */
final class XlsxWorkbook implements Workbook {

    private static final Pattern RELATIONSHIP = Pattern.compile("<Relationship\\b[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final Path file;
    private final ReadableWorkbook workbook;
    private final Map<String, Sheet> byName = new HashMap<>();
    private final Map<String, SheetPartScan.Result> parts;

    XlsxWorkbook(Path file, WorkbookLimits limits) throws IOException {
        this.file = file;
        this.parts = check(file, limits);
        this.workbook = new ReadableWorkbook(file.toFile());
    }

    /** Scans every entry of the zip (whatever the content types say fastexcel-reader will read) against the limits. */
    private static Map<String, SheetPartScan.Result> check(Path file, WorkbookLimits limits) throws IOException {
        Map<String, SheetPartScan.Result> out = new HashMap<>();
        long rows = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.getSize() > limits.maxPartBytes()) {
                    throw new Cells.Unreadable("工作簿的“" + entry.getName() + "”解压后超过 " + limits.maxPartBytes() / (1024 * 1024)
                            + " MB 的上限，不能导入");
                }
                SheetPartScan.Result scan = SheetPartScan.scan(entry.getName(), zip.getInputStream(entry),
                        entry.getCompressedSize(), limits);
                out.put(entry.getName(), scan);
                rows += scan.rows();
            }
        }
        if (rows > limits.maxRows()) {
            throw new Cells.Unreadable("工作簿共有 " + rows + " 行，超过一次导入 " + limits.maxRows() + " 行的上限，请拆分成几个文件分批导入");
        }
        return out;
    }

    @Override
    public List<SheetInfo> sheets() throws IOException {
        Map<String, String> targets = relationshipTargets();
        List<SheetInfo> out = new ArrayList<>();
        try (Stream<Sheet> sheets = workbook.getSheets()) {
            for (Sheet sheet : (Iterable<Sheet>) sheets::iterator) {
                byName.put(sheet.getName(), sheet);
                String target = targets.get(sheet.getId());
                SheetPartScan.Result scan = target == null ? null : parts.get(target);
                out.add(new SheetInfo(sheet.getIndex(), sheet.getName(), scan == null ? 0 : scan.rows(),
                        scan == null ? List.of() : scan.merges()));
            }
        }
        return out;
    }

    /** Relationship id → zip entry name, from xl/_rels/workbook.xml.rels. */
    private Map<String, String> relationshipTargets() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
            if (rels == null) {
                return out;
            }
            String xml;
            try (InputStream in = zip.getInputStream(rels)) {
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher m = RELATIONSHIP.matcher(xml);
            while (m.find()) {
                Map<String, String> attributes = new HashMap<>();
                Matcher a = ATTRIBUTE.matcher(m.group());
                while (a.find()) {
                    attributes.put(a.group(1), a.group(2));
                }
                String target = attributes.get("Target");
                if (attributes.get("Id") != null && target != null) {
                    out.put(attributes.get("Id"), target.startsWith("/") ? target.substring(1) : "xl/" + target);
                }
            }
        }
        return out;
    }

    @Override
    public void rows(SheetInfo info, RowHandler handler) throws IOException {
        Sheet sheet = byName.get(info.name());
        try (Stream<Row> rows = sheet.openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                int count = row.getCellCount();
                Object[] cells = new Object[count];
                for (int c = 0; c < count; c++) {
                    Cell cell = row.getCell(c);
                    cells[c] = cell == null ? null : value(cell);
                }
                handler.row(row.getRowNum() - 1, cells);
            }
        }
    }

    private static Object value(Cell cell) {
        return switch (cell.getType()) {
            case NUMBER -> cell.asNumber();
            case STRING -> cell.asString();
            case BOOLEAN -> cell.asBoolean();
            case FORMULA -> {
                String raw = cell.getRawValue();
                if (raw == null || raw.isEmpty()) {
                    yield null;
                }
                try {
                    yield new BigDecimal(raw);
                } catch (NumberFormatException e) {
                    yield raw;
                }
            }
            case ERROR, EMPTY -> null;
        };
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
