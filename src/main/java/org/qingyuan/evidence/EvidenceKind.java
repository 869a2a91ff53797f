package org.qingyuan.evidence;

/** The kind of a file, decided from its content. */
public enum EvidenceKind {
    /** 照片: JPEG, PNG, GIF, WebP, HEIC. */
    PHOTO("照片"),
    /** 视频: MP4, MOV, 3GP, AVI. */
    VIDEO("视频"),
    /** 文档: PDF, OFD, Word, Excel, PowerPoint. */
    DOCUMENT("文档");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
