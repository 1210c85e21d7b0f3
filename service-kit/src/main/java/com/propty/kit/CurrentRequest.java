package com.propty.kit;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The id of the HTTP request this thread serves ({@link RequestIdFilter}); null outside a request (a scheduler). */
public final class CurrentRequest {

    static final String ATTRIBUTE = CurrentRequest.class.getName() + ".id";

    private CurrentRequest() {
    }

    public static String id() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null
                : (String) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
