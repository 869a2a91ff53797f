package org.qingyuan.lead;

import java.util.Optional;

import org.qingyuan.access.Scope;
import org.qingyuan.evidence.EvidenceOwner;

/**
 * The one queue of leads, for the modules that find sites (patrols, complaints, supervision). Filing checks the input
 * (Chinese messages naming the field), needs the division inside the caller's scope (else "not found"), is audited,
 * and tells the town's officers through their inbox. Photos are attached to {@link #owner(long)} in the dossier.
 */
public interface Leads {

    /** Files a lead in the queue of its division's town; the same source reference answers the lead filed before. */
    Lead report(NewLead lead, Scope scope);

    /** A lead inside the scope. */
    Optional<Lead> find(long id, Scope scope);

    /** The dossier owner of a lead's photos (they move to the enterprise's dossier when it is confirmed or merged). */
    static EvidenceOwner owner(long leadId) {
        return new EvidenceOwner(Lead.OWNER_TYPE, leadId);
    }
}
