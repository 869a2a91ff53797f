package org.qingyuan.shell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * With every pooled connection busy, the failure can come after the answer: the session filter saves the session once
 * the handler is done. That answer goes out whole (it was 503 "未保存" for work that was saved, or a committed answer cut
 * off); a failure of the work itself still answers 503, and one after part of the answer was sent still breaks it.
 */
class SessionSaveFailureTests {

    static final CannotGetJdbcConnectionException BUSY = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
            new SQLTransientConnectionException(PoolExhaustedTests.TIMED_OUT));

    /** Stands for Spring Session's filter: runs the rest, then saves the session — which finds no connection. */
    static final Filter SESSION_SAVE_FAILS = new Filter() {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            chain.doFilter(request, response);
            throw BUSY;
        }
    };

    static HttpServlet answering(String body, boolean flush, RuntimeException thenFail) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("application/json");
                response.getWriter().write(body);
                if (flush) {
                    response.flushBuffer();
                }
                if (thenFail != null) {
                    throw thenFail;
                }
            }
        };
    }

    static MockHttpServletResponse run(MockHttpServletRequest request, HttpServlet handler, Filter... inner) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new DatabaseUnavailableFilter().doFilter(request, response, new MockFilterChain(handler, inner));
        return response;
    }

    static MockHttpServletRequest api() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/enterprises");
        request.setRequestURI("/api/v1/enterprises");
        return request;
    }

    @Test
    void anAnswerWhoseSessionCouldNotBeSavedGoesOutWhole() throws Exception {
        MockHttpServletResponse buffered = run(api(), answering("{\"items\":[]}", false, null), SESSION_SAVE_FAILS, new AnsweredMarkFilter());
        assertThat(buffered.getStatus()).isEqualTo(200);
        assertThat(buffered.getContentAsString()).isEqualTo("{\"items\":[]}");

        MockHttpServletResponse committed = run(api(), answering("{\"items\":[1]}", true, null), SESSION_SAVE_FAILS, new AnsweredMarkFilter());
        assertThat(committed.getStatus()).isEqualTo(200);
        assertThat(committed.getContentAsString()).isEqualTo("{\"items\":[1]}");
    }

    @Test
    void theWorkFindingNoConnectionStillAnswers503AndAPartAnswerStillBreaks() throws Exception {
        MockHttpServletResponse refused = run(api(), answering("", false, BUSY), new AnsweredMarkFilter());
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentAsString()).contains("系统繁忙");

        assertThatThrownBy(() -> run(api(), answering("{\"rows\":[1,", true, BUSY), new AnsweredMarkFilter()))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
    }
}
