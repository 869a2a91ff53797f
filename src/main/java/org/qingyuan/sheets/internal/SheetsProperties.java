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
 */
@ConfigurationProperties("qingyuan.sheets")
record SheetsProperties(@DefaultValue("2000") int chunkSize, @DefaultValue("2") int workers,
                        @DefaultValue("200") int maxUploadMegabytes, @DefaultValue("120") int queuedTimeoutSeconds) {
}
