package org.qingyuan.ledger;

import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.shared.Page;

/**
 * The enterprise ledger. Every method takes the caller's jurisdiction: reads see only
 * enterprises inside it (others answer "not found"), writes need the enterprise's division to
 * lie inside it. Every change is a new version with who, when, what and why, is audited in the
 * same transaction, and publishes an event ({@link EnterpriseRegistered}, {@link EnterpriseFactsChanged} …).
 */
public interface Ledger {

    /** Registers an enterprise; possible duplicates are recorded and returned, never refused. */
    Registration register(EnterpriseDetails details, String reason, Scope scope);

    /**
     * Replaces the details of an enterprise, if nobody changed it since {@code version}
     * (otherwise a 409 conflict that lists what changed).
     */
    Registration edit(EnterpriseId id, int version, EnterpriseDetails details, String reason, Scope scope);

    /** Takes an enterprise out of the ledger; it stays findable with its history. */
    void withdraw(EnterpriseId id, Integer version, WithdrawalReason reason, String note, Scope scope);

    /**
     * Merges {@code duplicate} into {@code survivor}: the survivor's empty fields and unknown facts are
     * filled from the duplicate, the dossier moves over, the duplicate is withdrawn, both histories stay.
     */
    void merge(EnterpriseId survivor, EnterpriseId duplicate, String reason, Scope scope);

    /** Records that two possible duplicates are different enterprises, so they are not flagged again. */
    void confirmDistinct(EnterpriseId id, EnterpriseId other, String reason, Scope scope);

    /** The rule violations of the details, without saving anything (forms, import previews). */
    java.util.List<org.qingyuan.shared.FieldError> validate(EnterpriseDetails details, Scope scope);

    Enterprise get(EnterpriseId id, Scope scope);

    Page<EnterpriseSummary> search(EnterpriseQuery query, Scope scope);

    /** The unresolved possible duplicates of an enterprise that lie inside the scope. */
    List<PossibleDuplicate> openDuplicates(EnterpriseId id, Scope scope);
}
