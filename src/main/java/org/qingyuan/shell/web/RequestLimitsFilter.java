package org.qingyuan.shell.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.audit.AuditActor;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditRecording;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first check of every request, before the security chain (so form login at {@code POST /login} is covered too)
 * and before anything reads the body: a body that is not multipart and larger than {@link WebLimits#maxBodySize()}
 * is refused with 413 from its {@code Content-Length}, or as soon as reading passes the limit when it has none;
 * every query and form parameter is checked against {@link TextLimits} (its length, control characters such as NUL)
 * and refused with 400 naming the parameter.
 */
class RequestLimitsFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final AuditRecording audit;

    RequestLimitsFilter(WebLimits limits, AuditRecording audit) {
        this.maxBody = limits.maxBodySize().toBytes();
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > maxBody) {
            RequestProblems.send(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge(), null);
            return;
        }
        HttpServletRequest checked = multipart ? request : new LimitedBody(request, maxBody);
        for (Map.Entry<String, String[]> parameter : checked.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (TextLimits.firstControlCharacter(name) >= 0) {
                RequestProblems.send(request, response, HttpStatus.BAD_REQUEST, "参数名含有不允许的控制字符（如 NUL），请删除后再提交", null);
                return;
            }
            for (String value : parameter.getValue()) {
                String problem = TextLimits.problem(name, value);
                if (problem != null) {
                    recordRefusedLogin(checked, name, problem);
                    RequestProblems.send(request, response, HttpStatus.BAD_REQUEST, problem, name);
                    return;
                }
            }
        }
        chain.doFilter(checked, response);
    }

    /**
     * A sign-in refused here never reaches the authentication check, so it leaves its own (rate-limited) record,
     * keyed by address: the attacker-chosen user name is not trusted as a key.
     */
    private void recordRefusedLogin(HttpServletRequest request, String parameter, String problem) {
        if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath())) {
            return;
        }
        audit.recordRefusalAs(new AuditActor(null, null, null, request.getRemoteAddr()),
                new AuditEvent("LOGIN_FAILED", "User", null, null, Map.of("parameter", parameter, "problem", problem)),
                AuditTrail.Outcome.DENIED);
    }

    String tooLarge() {
        return "请求内容不能超过 " + maxBody / (1024 * 1024) + " MB（上传文件请用文件上传）";
    }

    /** The body, cut off with {@link BodyTooLargeException} once it passes the limit (a body sent without a length). */
    private final class LimitedBody extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) {
                            throw new BodyTooLargeException(tooLarge());
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }

    /** A body passed the limit while it was read; answered 413. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }
}
