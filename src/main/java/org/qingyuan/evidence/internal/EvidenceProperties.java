package org.qingyuan.evidence.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the dossier, bound from {@code qingyuan.evidence.*}.
 *
 * @param maxPhotoBytes largest photo accepted (default 20 MB)
 * @param maxVideoBytes largest video accepted (default 200 MB; the multipart limit must not be lower)
 * @param maxDocumentBytes largest document accepted (default 50 MB)
 * @param thumbnailPixels the longer side of a thumbnail
 * @param maxPhotoPixels largest picture accepted, width × height read from its header before decoding (default 50
 *        megapixels; a phone's 48-megapixel photo passes, a small PNG that declares 250000 × 800 does not)
 * @param minFreeBytes space the store's disk must keep free: an upload arriving below it is refused with 507
 *        (default 100 MB), so that the database and the logs on the same disk never run out because of files (with S3,
 *        the reserve applies to the local disk where uploads are received before they are sent)
 * @param store where the files are kept: {@code file} (default, under the data directory) or {@code s3} (an
 *        S3-compatible object store configured by {@code qingyuan.evidence.s3.*}, see {@link S3Properties})
 */
@ConfigurationProperties("qingyuan.evidence")
record EvidenceProperties(@DefaultValue("20971520") long maxPhotoBytes, @DefaultValue("209715200") long maxVideoBytes,
                          @DefaultValue("52428800") long maxDocumentBytes, @DefaultValue("320") int thumbnailPixels,
                          @DefaultValue("50000000") long maxPhotoPixels, @DefaultValue("104857600") long minFreeBytes,
                          @DefaultValue("file") String store) {

    long largest() {
        return Math.max(maxPhotoBytes, Math.max(maxVideoBytes, maxDocumentBytes));
    }
}
