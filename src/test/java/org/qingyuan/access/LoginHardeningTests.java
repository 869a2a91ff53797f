package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Login throttling per address, lock timing, cookies behind a TLS proxy, a strict CSP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LoginHardeningTests {

    static final String PASSWORD = "Grid#Member2026";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void forgetAddresses() {
        jdbc.sql("DELETE FROM login_address_failure").update();
    }

    @Test
    void manyFailuresFromOneAddressStopFurtherAttemptsFromThatAddressOnly() {
        var policy = jdbc.sql("SELECT address_max_failures, address_window_minutes FROM login_policy").query().singleRow();
        int limit = ((Number) policy.get("address_max_failures")).intValue();
        assertThat(limit).isBetween(5, 100);
        assertThat(((Number) policy.get("address_window_minutes")).intValue()).isPositive();
        for (int i = 0; i < limit; i++) {
            assertThat(location(login(new Session(), "nobody-" + i, "Wrong#Pass1", "203.0.113.50"))).endsWith("/login?error");
        }
        // now even the right password of a real account is refused from that address, with the usual message
        assertThat(location(login(new Session(), "district", "Qingyuan@2026", "203.0.113.50"))).endsWith("/login?error");
        for (int i = 0; i < 5; i++) {
            assertThat(location(login(new Session(), "other-" + i, "Wrong#Pass1", "203.0.113.50"))).endsWith("/login?error");
        }
        assertThat(location(login(new Session(), "district", "Qingyuan@2026", "203.0.113.51"))).doesNotContain("error");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LOGIN_THROTTLED' AND client_address = '203.0.113.50'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLockedAccountTakesAsLongToAnswerAsAnUnlockedOne() {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role_code, division_code, locked_until)
                        VALUES ('timing-locked', 'x', :h, 'GRID_MEMBER', '410108001001', now() + interval '1 day'),
                               ('timing-open', 'x', :h, 'GRID_MEMBER', '410108001001', NULL)
                        """).param("h", encoder.encode(PASSWORD)).update();
        List<Long> locked = new ArrayList<>();
        List<Long> open = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            locked.add(timed("timing-locked", "198.51.100." + (10 + i)));
            open.add(timed("timing-open", "198.51.100." + (20 + i)));
            jdbc.sql("UPDATE app_user SET failed_attempts = 0 WHERE username = 'timing-open'").update();
        }
        long lockedMedian = locked.stream().sorted().toList().get(3);
        long openMedian = open.stream().sorted().toList().get(3);
        assertThat(lockedMedian).as("locked %s vs open %s (ns)", locked, open).isGreaterThan(openMedian / 2);
    }

    @Test
    void behindATlsProxyTheSessionAndXsrfCookiesAreSecure() {
        Session session = new Session();
        var page = session.send(HttpRequest.newBuilder(url("/login")).GET(), "X-Forwarded-Proto", "https",
                "X-Forwarded-For", "192.0.2.7");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("Secure"));
        var signedIn = login(session, "district", "Qingyuan@2026", "192.0.2.7", "X-Forwarded-Proto", "https");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("Secure"));

        var plain = new Session().send(HttpRequest.newBuilder(url("/login")).GET());
        assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }

    @Test
    void theContentSecurityPolicyAllowsNoInlineStyleAndNoTemplateNeedsOne() throws IOException {
        var page = new WebClient(port).get("/login");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("style-src 'self'").doesNotContain("unsafe-inline");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                if (html.contains("style=\"") || html.contains("th:style") || html.contains("<style")
                        || html.contains("th:attr=\"style")) {
                    offenders.add(file.toString());
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(Files.readString(Path.of("src/main/resources/static/js/qingyuan.js"))).doesNotContain("setAttribute('style'")
                .doesNotContain("cssText");
        assertThat(Files.readString(Path.of("src/main/resources/templates/layout.html"))).contains("includeIndicatorStyles");
    }

    private long timed(String username, String address) {
        Session session = new Session();
        String token = csrf(session.send(HttpRequest.newBuilder(url("/login")).GET(), "X-Forwarded-For", address).body());
        long start = System.nanoTime();
        session.send(HttpRequest.newBuilder(url("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=Wrong%23Pass1&_csrf=" + token)),
                "X-Forwarded-For", address);
        return System.nanoTime() - start;
    }

    private HttpResponse<String> login(Session session, String username, String password, String address, String... more) {
        List<String> headers = new ArrayList<>(List.of("X-Forwarded-For", address));
        headers.addAll(List.of(more));
        String[] h = headers.toArray(String[]::new);
        String token = csrf(session.send(HttpRequest.newBuilder(url("/login")).GET(), h).body());
        return session.send(HttpRequest.newBuilder(url("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                        + "&_csrf=" + enc(token))), h);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(none: " + response.statusCode() + ")");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Cookies of one browser, kept by hand so that Secure cookies are sent back over plain HTTP to the proxy's port. */
    static final class Session {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();

        HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
            if (headers.length > 0) {
                builder.headers(headers);
            }
            if (!cookies.isEmpty()) {
                builder.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            try {
                var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                for (String c : response.headers().allValues("Set-Cookie")) {
                    String pair = c.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                return response;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
