package org.qingyuan.evidence;

/** A stored file no longer matches the SM3 digest recorded at upload: it is not served. */
public class TamperedEvidenceException extends RuntimeException {

    private final long attachmentId;

    public TamperedEvidenceException(long attachmentId) {
        super("文件 #" + attachmentId + " 的内容与上传时记录的 SM3 摘要不符，可能已被篡改，拒绝提供");
        this.attachmentId = attachmentId;
    }

    public long attachmentId() {
        return attachmentId;
    }
}
