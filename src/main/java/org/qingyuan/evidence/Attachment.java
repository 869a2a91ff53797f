package org.qingyuan.evidence;

import java.time.Instant;

import org.qingyuan.shared.DivisionCode;

/**
 * One file of a dossier.
 *
 * @param division the owner's division, for the jurisdiction check of every read
 * @param mediaType as detected from the content
 * @param sm3 SM3 digest of the content (hex), also its storage address
 * @param capturedAt when the photo was taken (EXIF), if known
 * @param latitude where it was taken (EXIF GPS, WGS-84), if known
 */
public record Attachment(long id, EvidenceOwner owner, DivisionCode division, EvidenceCategory category, EvidenceKind kind,
                         String mediaType, String fileName, long size, String sm3, boolean hasThumbnail,
                         Instant capturedAt, Double latitude, Double longitude, Integer width, Integer height, String note,
                         Instant uploadedAt, String uploadedBy) {

    public boolean located() {
        return latitude != null && longitude != null;
    }
}
