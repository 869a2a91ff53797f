package org.qingyuan.reporting;

import java.util.List;

/**
 * A submission as the pages and the API show it.
 *
 * @param late not submitted by the due date (stays true once made late)
 * @param canAct the caller submits for this unit
 * @param liaisonName the unit's liaison (联络员), or null when it named none
 * @param sealValid the seal and every file's digest check out (null before submission)
 */
public record SubmissionView(Submission submission, boolean late, List<SubmissionFile> files, boolean canAct,
                             String liaisonName, String liaisonPhone, Boolean sealValid) {
}
