package org.qingyuan.rectification;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.shared.Page;

/**
 * The rectification cases. Reads take the caller's jurisdiction (a case outside it is "not found");
 * commands name the version they start from (a stale one is a 409 conflict listing the steps taken since),
 * go through the aggregate's rules, append to the timeline and are audited in the same transaction.
 * Commands take the acting user, who is stamped on the timeline and the audit and whose jurisdiction they act in;
 * the web passes the signed-in one.
 */
public interface Cases {

    CaseView get(long id, Scope scope);

    /** The case of an enterprise, if it has one. */
    java.util.Optional<CaseSummary> ofEnterprise(long enterpriseId, Scope scope);

    /**
     * Where the cases of these enterprises stand (measure, state, close-out day), by enterprise id, in one statement;
     * enterprises without a case or outside the scope are left out. At most 1,000 ids.
     */
    java.util.Map<Long, CaseStanding> standings(java.util.Collection<Long> enterpriseIds, Scope scope);

    /** The cases under the scope's division, by enterprise id. */
    java.util.Map<Long, CaseBrief> briefs(Scope scope);

    /** Stores a file in the case's dossier (owner {@code RectificationCase}). */
    Attachment upload(long id, EvidenceCategory category, String fileName, String note, InputStream content, Scope scope);

    /** The files of the case's dossier and of the enterprise's dossier, which items may reference. */
    List<Attachment> evidence(long id, Scope scope);

    /**
     * Records an item with evidence from the case's or the enterprise's dossier. Photos are checked against
     * the case period and the site; what does not check out is flagged for a second person's review.
     */
    CaseView recordItem(long id, int version, ItemCommand command, CurrentUser actor);

    CaseView review(long id, int version, Requirement requirement, CurrentUser actor);

    CaseView recordJointEnforcement(long id, int version, LocalDate date, List<String> departments, String note, CurrentUser actor);

    CaseView submit(long id, int version, CurrentUser actor);

    CaseView accept(long id, int version, String onSiteRecord, CurrentUser actor);

    CaseView reject(long id, int version, String reason, CurrentUser actor);

    CaseView closeOut(long id, int version, CurrentUser actor);

    CaseView reopen(long id, int version, String reason, CurrentUser actor);

    CaseView assign(long id, int version, ResponsiblePersons persons, CurrentUser actor);

    CaseView setDeadline(long id, int version, LocalDate deadline, String reason, CurrentUser actor);

    /** Settles a town's 整治要求 that differs from the case's measure: the measure stands, with the reason. */
    CaseView settleTownRequirement(long id, int version, String reason, CurrentUser actor);

    /**
     * What is recorded for one item.
     *
     * @param evidenceIds dossier attachment ids
     * @param utilityConfirmationId the utility's confirmation document (water, power)
     * @param permit the permit obtained (补办手续)
     */
    record ItemCommand(Requirement requirement, String note, List<Long> evidenceIds, Long utilityConfirmationId, Permit permit) {
    }
}
