package org.qingyuan.evidence;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The evidence store (an S3-compatible service) did not answer or refused a write or a read for a reason other than
 * lack of room: answered with 503, and nothing of an upload is kept — no object, no row.
 */
public class EvidenceStorageUnavailableException extends ErrorResponseException {

    static final String DETAIL = "证据存储服务暂时不可用，文件未保存（或未能读取）；请稍后重试，仍失败请联系系统管理员";

    /** The service's own answer stays in the log (it names the bucket), never in the problem shown to the user. */
    public EvidenceStorageUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL), cause);
        getHeaders().set("Retry-After", "30");
    }

    @Override
    public String getMessage() {
        return DETAIL;
    }
}
