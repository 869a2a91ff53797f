package org.qingyuan.evidence;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The evidence store has no room left (its disk is full, or below the reserve {@code qingyuan.evidence.min-free-bytes}):
 * the upload is refused with 507 and nothing of it is kept — no object, no row.
 */
public class EvidenceStorageFullException extends ErrorResponseException {

    static final String DETAIL = "证据存储空间不足，文件未保存；请联系系统管理员扩充存储后重试";

    public EvidenceStorageFullException(Throwable cause) {
        super(HttpStatus.INSUFFICIENT_STORAGE, ProblemDetail.forStatusAndDetail(HttpStatus.INSUFFICIENT_STORAGE, DETAIL), cause);
    }

    @Override
    public String getMessage() {
        return DETAIL;
    }
}
