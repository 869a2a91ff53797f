package org.qingyuan.reporting;

import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.CurrentUser;

/**
 * The units' submissions of the active plan's reports. Every command takes the acting user (a unit acts for itself;
 * the district office receives and returns), checks the version it was shown (409 when stale) and is audited.
 */
public interface Submissions {

    /** Creates the submissions of the periods running on {@code today} (and the one before) for every unit; idempotent. */
    int openPeriods(LocalDate today);

    /** The submissions the user sees (own unit, or the whole district for the district office), current ones only. */
    List<SubmissionView> list(CurrentUser user, String periodKey, String dutyId);

    /** One submission with its files; 404 outside the user's jurisdiction. */
    SubmissionView get(CurrentUser user, long id);

    /** Every generation of the submission's chain (corrections and what they superseded), newest first. */
    List<SubmissionView> chain(CurrentUser user, long id);

    /** Generates the forms and tables from the ledger as of the period's cut-off (or now, before it). */
    SubmissionView prepare(CurrentUser user, long id, int version);

    /** Sets the written summary (工作总结). */
    SubmissionView writeSummary(CurrentUser user, long id, int version, String summary);

    /** Adds (or replaces, before submission) the sealed scan: a PDF, JPEG or PNG. */
    SubmissionView attachScan(CurrentUser user, long id, int version, String fileName, byte[] content);

    /** Submits and freezes it under a seal. */
    SubmissionView submit(CurrentUser user, long id, int version);

    /** The district office receives it. */
    SubmissionView receive(CurrentUser user, long id, int version);

    /** The district office returns it with a reason. */
    SubmissionView returnWith(CurrentUser user, long id, int version, String reason);

    /** Starts a correction that supersedes the submission (both kept); answers the correction. */
    SubmissionView correct(CurrentUser user, long id, int version);

    /** A file as it was stored (checked against its SM3 digest); 404 when absent or outside the jurisdiction. */
    StoredFile file(CurrentUser user, long id, String part);

    /** A stored file's bytes. */
    record StoredFile(String fileName, String mediaType, byte[] content) {
    }
}
