package org.qingyuan.evidence;

import java.io.InputStream;
import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.shared.DivisionCode;

/**
 * The dossier of business objects. Files are typed from their content (a script renamed .jpg
 * is refused), limited in size, stored once per SM3 digest and checked against it on every
 * read (a changed file is refused). Reads take the caller's scope: a file whose owner lies
 * outside it is "not found". Changes are audited in the caller's transaction.
 */
public interface Dossier {

    /** Stores a file; the owner's division is kept with it for jurisdiction checks. */
    Attachment attach(EvidenceOwner owner, DivisionCode division, EvidenceCategory category, String fileName, String note,
                      InputStream content);

    List<Attachment> attachments(EvidenceOwner owner, Scope scope);

    Attachment attachment(long id, Scope scope);

    /** The file's content after checking its SM3 digest; {@link TamperedEvidenceException} when it no longer matches. */
    EvidenceContent content(long id, Scope scope);

    /** A JPEG thumbnail of a photo, checked like the content. */
    EvidenceContent thumbnail(long id, Scope scope);

    RemovedEquipment recordEquipment(EvidenceOwner owner, DivisionCode division, String name, String model, int quantity,
                                     EquipmentDisposal disposal, String note);

    List<RemovedEquipment> equipment(EvidenceOwner owner, Scope scope);

    /** The owner moved to another division: its files follow for jurisdiction checks. */
    void relocate(EvidenceOwner owner, DivisionCode division);

    /** Moves a dossier to another owner (after a merge), keeping every file and row. */
    void transfer(EvidenceOwner from, EvidenceOwner to, DivisionCode division);
}
