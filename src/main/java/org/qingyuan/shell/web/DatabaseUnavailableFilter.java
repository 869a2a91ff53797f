package org.qingyuan.shell.web;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.audit.AuditedWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is unreachable (restarting, failing over, the pool exhausted), every request answers 503 with
 * {@code Retry-After} — problem+json for the API, a short page for a browser — instead of a 500 with whatever the
 * failure was. The answer says whether the request's change was saved: not saved, saved (its commit went through before
 * a later step failed) or unknown (its commit went unanswered), as the audit trail saw it ({@link AuditedWrites}). It sits ahead of the session filter, which is the first to need the database. The pool reconnects by
 * itself once the database is back: no restart of the application.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    static final String DETAIL = "数据库暂时不可用（正在重启或切换），请稍后重试；本次操作未保存";
    /** Every pooled connection busy for the whole wait, the database itself answering: overload, not an outage. */
    static final String BUSY = "系统繁忙（同时处理的请求过多），请稍后重试；本次操作未保存";
    /** The request's change was committed before the database went away: say so, lest it be entered twice. */
    static final String SAVED = "数据库暂时不可用（正在重启或切换）：本次操作已保存，但未能返回结果，请稍后刷新查看，不要重复提交";
    /** The commit of the request's change went unanswered: whether it was saved cannot be known here. */
    static final String UNKNOWN = "数据库暂时不可用（正在重启或切换）：无法确认本次操作是否已保存，请稍后刷新核对，再决定是否重新提交";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (databaseUnreachable(e) && AnsweredMarkFilter.answered(request)) {
                // the answer is written and its work done; only the session filter's write after it (the session's
                // last access, a new session's row) found no connection. Let the answer go out whole: a 503 saying
                // 未保存 would be false, and a committed answer cut off would reach the client broken (issue 22 §1)
                log.warn("Answered {} {}, but its session was not saved: {}", request.getMethod(), request.getRequestURI(),
                        rootMessage(e));
                return;
            }
            if (!databaseUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            boolean busy = poolExhausted(e);
            String detail = switch (AuditedWrites.of(request)) {
                case SAVED -> SAVED;
                case UNKNOWN -> UNKNOWN;
                case NONE -> busy ? BUSY : DETAIL;
            };
            log.warn(busy ? "Every pooled connection busy, answering 503 to {} {}: {}" : "Database unreachable, answering 503 to {} {}: {}",
                    request.getMethod(), request.getRequestURI(), rootMessage(e));
            response.reset();
            response.setHeader("Retry-After", "5");
            if (!ProblemDetails.isApi(request) && accepts(request, "text/html")) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>暂不可用</title>"
                        + "<p>" + detail + "</p></html>");
                return;
            }
            RequestProblems.send(request, response, HttpStatus.SERVICE_UNAVAILABLE, detail, null);
        }
    }

    static boolean accepts(HttpServletRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(type);
    }

    /** True when some cause says the connection to the database could not be had or was lost. */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;   // connection exception, admin shutdown, crash shutdown, cannot connect now
            }
            // the database went down inside a transaction and its rollback failed too: the rollback's exception
            // carries the one that was thrown first, unless the commit was what failed (Spring then keeps only the
            // rollback's, whose cause is the pool's closed connection below)
            if (t instanceof org.springframework.transaction.TransactionSystemException rollback
                    && rollback.getApplicationException() != null && databaseUnreachable(rollback.getApplicationException())) {
                return true;
            }
            if (evictedConnection(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * HikariCP's answer to any use of a connection it has already evicted: it evicts one on the first failure whose
     * SQL state says the connection is broken (08…, 57P01…), and every later call on it (a rollback after a failed
     * commit, the session's read after the request's failure) throws this, with no SQL state of its own.
     */
    static boolean evictedConnection(Throwable t) {
        return t instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())
                && sql.getStackTrace().length > 0 && sql.getStackTrace()[0].getClassName().startsWith("com.zaxxer.hikari.");
    }

    /**
     * The pool's wait ran out with no failure to connect behind it (HikariCP then gives no cause): every connection was
     * in use, the database answering. When the database is down the pool's exception carries the connect failure.
     */
    static boolean poolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException pool) {
                return pool.getCause() == null && pool.getMessage() != null && pool.getMessage().contains("request timed out");
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
