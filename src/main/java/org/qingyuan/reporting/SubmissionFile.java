package org.qingyuan.reporting;

/**
 * One file of a submission.
 *
 * @param part what it is: a {@code policy.ReportPart} name (LEDGER_FORM, STATISTICS_TABLE, WRITTEN_SUMMARY, SEALED_SCAN)
 * @param sm3 the SM3 digest of its bytes, hex
 */
public record SubmissionFile(String part, String partLabel, String fileName, String mediaType, int size, String sm3) {
}
