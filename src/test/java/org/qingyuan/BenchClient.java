package org.qingyuan;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmarks' signed-in HTTP client: form login as a demo account; the XSRF cookie as header on the API's POSTs. */
public final class BenchClient {
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final String base;

public BenchClient(int port, String username) throws Exception {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String login = get("/login");
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token");
        }
        String form = "username=" + username + "&password=" + URLEncoder.encode("Qingyuan@2026", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + username);
        }
        get("/");
    }

public String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200 && !path.equals("/login")) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

public String post(String path, String json) throws Exception {
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** A multipart upload of one file with text fields (an import's workbook); answers the body of a 2xx. */
    public String upload(String path, String fileName, byte[] file, java.util.Map<String, String> fields) throws Exception {
        return upload(path, "file", fileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file, fields);
    }

    /** A multipart upload of one file under {@code part} with text fields; answers the body of a 2xx. */
    public String upload(String path, String part, String fileName, String contentType, byte[] file,
                         java.util.Map<String, String> fields) throws Exception {
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
        String boundary = "----bench" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue()
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
