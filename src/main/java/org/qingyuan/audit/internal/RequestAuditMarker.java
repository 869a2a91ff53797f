package org.qingyuan.audit.internal;

import org.qingyuan.audit.AuditedWrites;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers that the current request already wrote its audit record, so the request filter adds none, and what became
 * of its audited changes ({@link AuditedWrites}).
 */
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

    /** Adds the end of one of the request's transactions with audited changes to the request's {@link AuditedWrites}. */
    static void markWrites(AuditedWrites outcome) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            AuditedWrites so = attributes.getAttribute(AuditedWrites.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof AuditedWrites w
                    ? w : AuditedWrites.NONE;
            attributes.setAttribute(AuditedWrites.ATTRIBUTE, so.and(outcome), RequestAttributes.SCOPE_REQUEST);
        }
    }
}
