package org.qingyuan.sheets.internal;

/**
 * What a workbook may hold before it is parsed, so that a small hostile file (a zip bomb, one cell of 150 MB,
 * millions of rows) is refused with a Chinese reason before the heap is at risk. See {@link SheetsProperties}.
 *
 * @param maxRows rows in one file over all its sheets
 * @param maxCellCharacters characters in one cell (Excel's own limit is 32,767)
 * @param maxPartBytes uncompressed bytes of one part of an .xlsx
 * @param maxSharedStringsBytes uncompressed bytes of the shared-strings table, which the reader keeps in memory
 * @param maxCompressionRatio uncompressed ÷ compressed size of a part above 10 MB
 * @param maxXlsBytes size of a legacy .xls, which Apache POI reads whole into memory
 */
record WorkbookLimits(int maxRows, int maxCellCharacters, long maxPartBytes, long maxSharedStringsBytes,
                      int maxCompressionRatio, long maxXlsBytes) {

    private static final long MB = 1024L * 1024L;

    static final WorkbookLimits DEFAULTS = new WorkbookLimits(2_000_000, 32_767, 4096 * MB, 256 * MB, 100, 50 * MB);

    static WorkbookLimits of(SheetsProperties p) {
        return new WorkbookLimits(p.maxRows(), p.maxCellCharacters(), p.maxPartMegabytes() * MB,
                p.maxSharedStringsMegabytes() * MB, p.maxCompressionRatio(), p.maxXlsMegabytes() * MB);
    }

    /**
     * Bytes of XML one cell may take: a character is at most 10 bytes escaped ({@code &#x10FFFF;}), plus the cell's
     * own markup and rich-text runs.
     */
    long maxCellBytes() {
        return maxCellCharacters * 10L + 16 * 1024;
    }
}
