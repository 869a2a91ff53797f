package org.qingyuan.shell.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks a request whose handling, everything inside the session filter, finished without an exception: its answer is
 * written. {@link DatabaseUnavailableFilter} then knows that a database failure reaching it came from the session
 * filter's own write afterwards, not from the work the answer reports.
 */
class AnsweredMarkFilter extends OncePerRequestFilter {

    static final String ANSWERED = AnsweredMarkFilter.class.getName() + ".ANSWERED";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        request.setAttribute(ANSWERED, Boolean.TRUE);
    }

    static boolean answered(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ANSWERED));
    }
}
