package org.qingyuan.audit.internal;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Remembers that the current request already wrote its audit record, so the request filter adds none. */
final class RequestAuditMarker {

    static final String ATTRIBUTE = RequestAuditMarker.class.getName() + ".recorded";

    private RequestAuditMarker() {
    }

    static void markRecorded() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
