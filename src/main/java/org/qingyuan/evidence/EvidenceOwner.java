package org.qingyuan.evidence;

/**
 * The business object a dossier belongs to, e.g. {@code Enterprise #42}; later rectification cases.
 *
 * @param type the kind of object, as in the audit trail: {@code Enterprise}
 */
public record EvidenceOwner(String type, long id) {

    public static EvidenceOwner enterprise(long id) {
        return new EvidenceOwner("Enterprise", id);
    }

    @Override
    public String toString() {
        return type + " #" + id;
    }
}
