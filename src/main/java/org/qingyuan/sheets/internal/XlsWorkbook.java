package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A legacy .xls file (Excel 97–2003, BIFF8), which towns still send. fastexcel reads only OOXML,
 * so this one format goes through Apache POI's HSSF, named here as DESIGN asks. The format holds
 * at most 65,536 rows per sheet, but POI reads the file whole into memory, so its size is bounded
 * ({@link WorkbookLimits#maxXlsBytes()}) before it is opened, and so are its rows and cells.
 */
final class XlsWorkbook implements Workbook {

    private final POIFSFileSystem fs;
    private final HSSFWorkbook workbook;
    private final WorkbookLimits limits;

    XlsWorkbook(Path file, WorkbookLimits limits) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxXlsBytes()) {
            throw new Cells.Unreadable("旧版 .xls 文件不能超过 " + limits.maxXlsBytes() / (1024 * 1024)
                    + " MB（此文件 " + size / (1024 * 1024) + " MB）；请另存为 .xlsx 后再导入");
        }
        this.limits = limits;
        this.fs = new POIFSFileSystem(file.toFile(), true);
        this.workbook = new HSSFWorkbook(fs.getRoot(), false);
    }

    @Override
    public List<SheetInfo> sheets() {
        long rows = 0;
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            rows += workbook.getSheetAt(i).getPhysicalNumberOfRows();
        }
        if (rows > limits.maxRows()) {
            throw new Cells.Unreadable("工作簿共有 " + rows + " 行，超过一次导入 " + limits.maxRows() + " 行的上限，请拆分成几个文件分批导入");
        }
        List<SheetInfo> out = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            Sheet sheet = workbook.getSheetAt(i);
            List<Region> merges = new ArrayList<>();
            for (CellRangeAddress r : sheet.getMergedRegions()) {
                merges.add(new Region(r.getFirstRow(), r.getLastRow(), r.getFirstColumn(), r.getLastColumn()));
            }
            out.add(new SheetInfo(i, sheet.getSheetName(), sheet.getPhysicalNumberOfRows(), merges));
        }
        return out;
    }

    @Override
    public void rows(SheetInfo info, RowHandler handler) throws IOException {
        Sheet sheet = workbook.getSheetAt(info.index());
        for (Row row : sheet) {
            int count = Math.max(0, row.getLastCellNum());
            Object[] cells = new Object[count];
            for (int c = 0; c < count; c++) {
                Cell cell = row.getCell(c);
                cells[c] = cell == null ? null : value(cell, cell.getCellType());
                if (cells[c] instanceof String text && text.length() > limits.maxCellCharacters()) {
                    throw new Cells.Unreadable("工作表“" + info.name() + "”第 " + (row.getRowNum() + 1) + " 行有超过 "
                            + limits.maxCellCharacters() + " 个字符的单元格（Excel 单元格的上限），不能导入");
                }
            }
            handler.row(row.getRowNum(), cells);
        }
    }

    private static Object value(Cell cell, CellType type) {
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate()
                    : BigDecimal.valueOf(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case FORMULA -> value(cell, cell.getCachedFormulaResultType());
            default -> null;
        };
    }

    @Override
    public void close() throws IOException {
        workbook.close();
        fs.close();
    }
}
