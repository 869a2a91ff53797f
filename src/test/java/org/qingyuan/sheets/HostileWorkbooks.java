package org.qingyuan.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;

/**
 * Hostile .xlsx files made on the fly, small on disk: a real workbook from fastexcel whose first sheet (or shared
 * strings table) is replaced by generated XML.
 */
public final class HostileWorkbooks {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** Writes part content. */
    @FunctionalInterface
    public interface Part {
        void write(OutputStream out) throws IOException;
    }

    private HostileWorkbooks() {
    }

    /** One sheet with one inline-string cell of {@code chars} letters. */
    public static byte[] hugeCell(int chars) throws IOException {
        return withSheet(out -> {
            out.write(("<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>")
                    .getBytes(StandardCharsets.UTF_8));
            repeat(out, 'a', chars);
            out.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }, null);
    }

    /** One sheet whose cell A1 refers to a shared string of {@code chars} letters. */
    public static byte[] hugeSharedString(int chars) throws IOException {
        return withSheet(out -> out.write(("<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v>"
                + "</c></row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8)), out -> {
            out.write(("<sst xmlns=\"" + MAIN + "\" count=\"1\" uniqueCount=\"1\"><si><t>").getBytes(StandardCharsets.UTF_8));
            repeat(out, 'b', chars);
            out.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** One sheet of {@code rows} rows with one short cell each. */
    public static byte[] manyRows(int rows) throws IOException {
        return withSheet(out -> {
            out.write(("<worksheet xmlns=\"" + MAIN + "\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            for (int r = 1; r <= rows; r++) {
                out.write(("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>1</v></c></row>").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }, null);
    }

    /** One sheet whose XML is not well-formed (the XML parser's own exception would name its class). */
    public static byte[] brokenXml() throws IOException {
        return withSheet(out -> out.write(("<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                + "<is><t>序号</t></is></c></row><row r=\"2\"><c r=\"A2\" <<< ></sheetData></worksheet>")
                .getBytes(StandardCharsets.UTF_8)), null);
    }

    /** A real one-sheet workbook whose first sheet and, when given, shared strings are replaced. */
    public static byte[] withSheet(Part sheet, Part sharedStrings) throws IOException {
        ByteArrayOutputStream base = new ByteArrayOutputStream();
        Workbook wb = new Workbook(base, "test", "1.0");
        wb.newWorksheet("排查台账").value(0, 0, "x");
        wb.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean wroteStrings = false;
        Path temp = Files.createTempFile("hostile-", ".xlsx");
        Files.write(temp, base.toByteArray());
        try (ZipFile in = new ZipFile(temp.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet.write(zip);
                } else if (e.getName().equals("xl/sharedStrings.xml") && sharedStrings != null) {
                    sharedStrings.write(zip);
                    wroteStrings = true;
                } else {
                    try (var part = in.getInputStream(e)) {
                        part.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
            if (sharedStrings != null && !wroteStrings) {
                throw new IllegalStateException("the base workbook has no shared strings part");
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return out.toByteArray();
    }

    private static void repeat(OutputStream out, char c, int count) throws IOException {
        byte[] block = new byte[1 << 16];
        java.util.Arrays.fill(block, (byte) c);
        for (int left = count; left > 0; left -= block.length) {
            out.write(block, 0, Math.min(left, block.length));
        }
    }
}
