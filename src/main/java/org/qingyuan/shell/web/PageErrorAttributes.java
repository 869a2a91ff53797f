package org.qingyuan.shell.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The error page's attributes, plus the Chinese reason {@link ProblemDetails} gave for a page's request error
 * (Spring's own messages stay hidden: they are English and may name internals).
 */
@Component
class PageErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object message = request.getAttribute(ProblemDetails.PAGE_ERROR_MESSAGE, RequestAttributes.SCOPE_REQUEST);
        if (message != null) {
            attributes.put("message", message);
        }
        return attributes;
    }
}
