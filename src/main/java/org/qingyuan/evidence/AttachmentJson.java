package org.qingyuan.evidence;

import java.time.Instant;


/** A dossier file as the API shows it. */
public record AttachmentJson(long id, String category, String categoryName, String kind, String mediaType, String fileName,
                             long size, String sm3, Instant capturedAt, Double latitude, Double longitude, Integer width,
                             Integer height, String note, Instant uploadedAt, String uploadedBy, String contentUrl,
                             String thumbnailUrl) {

    public static AttachmentJson of(Attachment a) {
        return new AttachmentJson(a.id(), a.category().name(), a.category().label(), a.kind().name(), a.mediaType(), a.fileName(),
                a.size(), a.sm3(), a.capturedAt(), a.latitude(), a.longitude(), a.width(), a.height(), a.note(), a.uploadedAt(),
                a.uploadedBy(), "/api/v1/attachments/" + a.id() + "/content",
                a.hasThumbnail() ? "/api/v1/attachments/" + a.id() + "/thumbnail" : null);
    }
}
