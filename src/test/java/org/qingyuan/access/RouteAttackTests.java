package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.internal.RolePermissions;
import org.qingyuan.access.internal.TestLogins;
import org.qingyuan.shared.RouteRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the handler mapping, called by every role the way an attacker would (issue 22 §4): SQL and script
 * payloads in the path, the query and every usual free-text field of the body. No answer is a 500, none shows a
 * stack trace or echoes the script unescaped; a refused request writes nothing but its audit record.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RouteAttackTests {

    static final String SCRIPT = "<script>alert('qy22')</script>";
    static final String SQL = "1' OR '1'='1'; DROP TABLE enterprise;--";
    static final List<String> PATH_VALUES = List.of(SQL, SCRIPT, "../../etc/passwd", "99999999999999999999", "-1");
    static final String QUERY = "?q=" + enc(SCRIPT) + "&division=" + enc(SQL) + "&page=-1&size=100000&from=" + enc(SCRIPT)
            + "&to=" + enc(SQL) + "&state=" + enc(SQL) + "&sort=" + enc(SQL) + "&order=" + enc(SCRIPT) + "&asOf=" + enc(SCRIPT);
    static final String BODY = """
            {"name": "%1$s", "reason": "%2$s", "note": "%1$s", "version": "%2$s", "divisionCode": "%2$s",
             "problem": "%1$s", "title": "%1$s", "description": "%1$s", "address": "%1$s", "answer": "%1$s",
             "duties": "%1$s", "creditCode": "%2$s", "enterpriseId": "%2$s", "facts": {"x": "%1$s"}}
            """.formatted(SCRIPT.replace("'", "\\u0027"), SQL);
    /** Written by every request (audit, sessions, events); every other table must not change on a refusal. */
    static final Set<String> BOOKKEEPING = Set.of("audit_record", "audit_anchor", "spring_session", "spring_session_attributes",
            "event_publication", "event_publication_archive", "shedlock", "flyway_schema_history");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Autowired
    RouteTable routeTable;

    @Autowired
    RolePermissions rolePermissions;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    record Endpoint(String method, String pattern) {
        String path(int variant) {
            String value = PATH_VALUES.get(variant % PATH_VALUES.size());
            return pattern.replaceAll("\\{[^}]*}", java.util.regex.Matcher.quoteReplacement(enc(value)));
        }

        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    List<Endpoint> endpoints() {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        handlers.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.equals("/logout") || pattern.startsWith("/login")) {
                    continue;
                }
                (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods).forEach(m -> endpoints.add(new Endpoint(m.name(), pattern)));
            }
        });
        return new ArrayList<>(endpoints);
    }

    /** What is wrong with one answer, or null. */
    static String judge(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        if (response.getStatus() >= 500) {
            return response.getStatus() + " " + abbreviate(body);
        }
        if (body.contains("\tat ") || body.matches("(?s).*at org\\.qingyuan\\..*\\(.*") || body.contains("Exception:")) {
            return "stack trace " + abbreviate(body);
        }
        if (body.contains(SCRIPT) || body.contains("<script>alert")) {
            return "script echoed unescaped " + abbreviate(body);
        }
        return null;
    }

    static String abbreviate(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }

    boolean allowed(RoleCode role, Endpoint endpoint) {
        RouteTable.Route route = routeTable.find(endpoint.method(), endpoint.path(0)).orElseThrow();
        return route.access() != RouteRule.Access.PERMISSION || rolePermissions.has(role, route.permission());
    }

    Map<String, Long> businessCounts() {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE' ORDER BY 1").query(String.class).list();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            if (!BOOKKEEPING.contains(table)) {
                counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
            }
        }
        return counts;
    }

    @Test
    void everyRouteAnswersHostileInputOfEveryRoleWithoutA500AStackTraceOrAnEchoedScript() throws Exception {
        List<String> findings = new ArrayList<>();
        int variant = 0;
        for (Endpoint endpoint : endpoints()) {
            for (RoleCode role : RoleCode.values()) {
                String path = endpoint.path(variant++) + QUERY;
                var call = request(HttpMethod.valueOf(endpoint.method()), URI.create(path))
                        .with(TestLogins.as(role, "410108")).with(csrf());
                if (endpoint.writes()) {
                    call.contentType(MediaType.APPLICATION_JSON).content(BODY);
                }
                try {
                    String wrong = judge(mvc.perform(call).andReturn().getResponse());
                    if (wrong != null) {
                        findings.add(role + " " + endpoint.method() + " " + path + " → " + wrong);
                    }
                } catch (jakarta.servlet.ServletException e) {
                    findings.add(role + " " + endpoint.method() + " " + path + " → 500 " + e.getCause());
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void aRefusedWriteChangesNothingAndLeavesAnAuditRecordOfItsRefusal() throws Exception {
        Map<String, Long> before = businessCounts();
        List<String> unaudited = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.writes()) {
                continue;
            }
            for (RoleCode role : RoleCode.values()) {
                if (allowed(role, endpoint)) {
                    continue;
                }
                String path = endpoint.path(0);
                var response = mvc.perform(request(HttpMethod.valueOf(endpoint.method()), URI.create(path))
                        .with(TestLogins.as(role, "410108")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(BODY)).andReturn().getResponse();
                // 403 by the route table, or 400 by the firewall (an encoded ; in the path) before anyone is known
                assertThat(response.getStatus()).as(role + " " + endpoint).isIn(400, 403);
                long records = jdbc.sql("""
                                SELECT count(*) FROM audit_record WHERE outcome = 'DENIED' AND object_id = :object
                                   AND (action = 'ACCESS_DENIED' AND username = :user OR action = 'REQUEST_REJECTED')""")
                        .param("user", TestLogins.username(role)).param("object", endpoint.method() + " " + path)
                        .query(Long.class).single();
                if (records == 0) {
                    unaudited.add(role + " " + endpoint.method() + " " + path);
                }
            }
        }
        assertThat(unaudited).isEmpty();
        assertThat(businessCounts()).isEqualTo(before);
    }
}
