package com.propty.kit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * problem+json written by a servlet filter, before MVC (and {@link ProblemAdvice}) is reached: the same shape and
 * {@code code}. The texts are the filters' own constants, never request input, so they need no escaping.
 */
final class FilterProblem {

    private FilterProblem() {
    }

    static void write(HttpServletResponse response, int status, String code, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"https://propty.example/problems/" + code.toLowerCase().replace('_', '-')
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"code\":\"" + code
                + "\",\"detail\":\"" + detail + "\"}");
    }
}
