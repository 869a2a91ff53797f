package org.qingyuan.shell.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the client's {@code Host} header out of every redirect. Tomcat sends relative locations as they are
 * ({@code server.tomcat.use-relative-redirects}); this filter turns an absolute location that the application built
 * from the request itself (Spring Security's redirect back to the page asked for before sign-in is
 * {@code http://<Host>/…}) into its path, so a forged {@code Host: evil.example} never comes back in a
 * {@code Location}. Absolute locations to other hosts are left alone.
 */
class RelativeRedirectsFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(relative(request, location));
            }

            @Override
            public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
                super.sendRedirect(relative(request, location), sc, clearBuffer);
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, "Location".equalsIgnoreCase(name) ? relative(request, value) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, "Location".equalsIgnoreCase(name) ? relative(request, value) : value);
            }
        });
    }

    /** The path, query and fragment of an absolute location on the request's own host; any other location as it is. */
    static String relative(HttpServletRequest request, String location) {
        if (location == null || !(location.startsWith("http://") || location.startsWith("https://"))) {
            return location;
        }
        try {
            URI uri = new URI(location);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return location;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (URISyntaxException e) {
            return location;
        }
    }
}
