package org.qingyuan.sheets.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * A spreadsheet file read sheet by sheet and row by row, whatever its format: .xlsx through
 * fastexcel-reader (streaming), legacy .xls (Excel 97–2003) through Apache POI.
 */
interface Workbook extends Closeable {

    /** The sheets in file order, with their merged regions and the number of rows to expect. */
    List<SheetInfo> sheets() throws IOException;

    /** Streams one sheet's rows to the handler, in order; rows that do not exist are not sent. */
    void rows(SheetInfo sheet, RowHandler handler) throws IOException;

    /**
     * One sheet.
     *
     * @param rows the number of row elements (an estimate for the progress bar)
     * @param merges merged regions, zero-based and inclusive
     */
    record SheetInfo(int index, String name, int rows, List<Region> merges) {
    }

    /** A merged region, zero-based and inclusive. */
    record Region(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    }

    /** Receives rows: {@code rowIndex} is zero-based; cells hold String, BigDecimal, Boolean, LocalDate or null. */
    @FunctionalInterface
    interface RowHandler {
        void row(int rowIndex, Object[] cells) throws IOException;
    }

    /** Opens a file by its content with the default {@link WorkbookLimits}. */
    static Workbook open(Path file) throws IOException {
        return open(file, WorkbookLimits.DEFAULTS);
    }

    /**
     * Opens a file by its content (the name may lie): OOXML zip or OLE2 (legacy .xls).
     *
     * @throws Cells.Unreadable with a Chinese reason when the file is not a workbook or breaks a limit
     */
    static Workbook open(Path file, WorkbookLimits limits) throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n >= 4 && ReadableWorkbook.isOOXMLZipHeader(head)) {
                return new XlsxWorkbook(file, limits);
            }
            if (n == 8 && ReadableWorkbook.isOLE2Header(head)) {
                return new XlsWorkbook(file, limits);
            }
        }
        throw new Cells.Unreadable("文件不是 Excel 工作簿（.xlsx 或 .xls）");
    }
}
