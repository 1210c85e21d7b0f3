package com.propty.kit;

import com.propty.internaltoken.RequestId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request id of every request ({@code X-Request-Id}, put there by the gateway; a direct call without a safe
 * one gets a new id), kept as a request attribute for the audit trail ({@link CurrentRequest}) and answered back.
 */
class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestId.keepOrNew(request.getHeader(RequestId.HEADER));
        request.setAttribute(CurrentRequest.ATTRIBUTE, id);
        response.setHeader(RequestId.HEADER, id);
        chain.doFilter(request, response);
    }
}
