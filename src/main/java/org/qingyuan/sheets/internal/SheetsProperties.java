package org.qingyuan.sheets.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Excel import and export ({@code qingyuan.sheets.*}).
 *
 * @param chunkSize rows checked and written together (one ledger batch, one COPY of outcomes)
 * @param workers import jobs one node runs at the same time; further uploads wait in the queue
 * @param maxUploadMegabytes the largest file accepted, in MB
 * @param queuedTimeoutSeconds a queued job whose node has not renewed it for this long is failed
 * @param maxRows rows in one file over all its sheets, counted before any row is read (default 2,000,000: the
 *        1,000,000-row benchmark and an exported ledger continued on a second sheet pass)
 * @param maxCellCharacters characters in one cell (default 32,767, Excel's own limit)
 * @param maxPartMegabytes uncompressed size of one part (a sheet's XML) of an .xlsx, in MB (default 4096)
 * @param maxSharedStringsMegabytes uncompressed size of the shared-strings table, which the reader keeps in memory,
 *        in MB (default 256)
 * @param maxCompressionRatio uncompressed ÷ compressed size of a part larger than 10 MB (default 100, as Apache
 *        POI's zip-bomb guard); ledgers compress 10–30 times
 * @param maxXlsMegabytes the largest legacy .xls, which Apache POI reads whole into memory, in MB (default 50)
 */
@ConfigurationProperties("qingyuan.sheets")
record SheetsProperties(@DefaultValue("2000") int chunkSize, @DefaultValue("2") int workers,
                        @DefaultValue("200") int maxUploadMegabytes, @DefaultValue("120") int queuedTimeoutSeconds,
                        @DefaultValue("2000000") int maxRows, @DefaultValue("32767") int maxCellCharacters,
                        @DefaultValue("4096") long maxPartMegabytes, @DefaultValue("256") long maxSharedStringsMegabytes,
                        @DefaultValue("100") int maxCompressionRatio, @DefaultValue("50") long maxXlsMegabytes) {

    WorkbookLimits workbookLimits() {
        return WorkbookLimits.of(this);
    }
}
