package org.qingyuan.shell.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container forwards a failed request; asked for directly it used to answer 500 (no
 * error to show). A direct request now answers 404 like any page that does not exist. Error dispatches are not
 * filtered (OncePerRequestFilter skips them), so real errors are still shown.
 */
class DirectErrorPathFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"/error".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestProblems.send(request, response, HttpStatus.NOT_FOUND, "页面不存在", null);
    }
}
