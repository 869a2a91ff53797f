package org.qingyuan;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The ceiling of issue 22 §1 (bench/ceiling.sh): a bare JDK {@link HttpServer} with plain JDBC (one connection per
 * worker thread, no pool, no framework, no session, no security, no audit) answering the ledger list —
 * {@code GET /api/v1/enterprises?page=N} — with the same statement the platform's list runs (ledger.internal.ListSql:
 * a page of ids walked in list order on the district's index, then its 20 rows with their classification) as JSON,
 * with its total counted in the same scan ({@code -Dtotal=true}, the default: a server that keeps nothing must count) or
 * without a total ({@code -Dtotal=false}: the page alone; the platform keeps the district's matches and checks only
 * what was written since, see ListTotals). What the platform adds on top for the same answer is its own cost.
 * Localhost only.
 */
public final class LedgerCeiling {

    static final String PAGE = """
            WITH page AS (SELECT e.id, 0 AS total FROM enterprise e
             WHERE e.division_code LIKE ? || '%' AND e.division_code ~>=~ ? AND e.division_code ~<~ (? || ':')
               AND left(e.division_code, 6) = ? AND e.status = 'ACTIVE'
             ORDER BY e.reported_on DESC, e.id DESC
             LIMIT 20 OFFSET ?)
            SELECT e.id, e.name, e.credit_code, e.division_code, e.address, e.contact_person, e.contact_phone, e.industry,
                   e.enterprise_type, e.discovery, e.reported_on, e.status, e.version, page.total,
                   cr.category, cr.measure_kind, co.measure_kind
              FROM page JOIN enterprise e ON e.id = page.id
              LEFT JOIN enterprise_classification ec ON ec.enterprise_id = e.id
              LEFT JOIN classification_record cr ON cr.id = ec.current_id
              LEFT JOIN classification_override co ON co.id = ec.override_id AND co.cleared_at IS NULL
             ORDER BY e.reported_on DESC, e.id DESC
            """;
    /** The same page with its total counted in the same scan of the district: what a server keeping nothing must run. */
    static final String COUNTED = PAGE.replace("0 AS total", "count(*) OVER () AS total");

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("port", 8199);
        int threads = Integer.getInteger("threads", 16);
        String url = System.getProperty("jdbc", "jdbc:postgresql://localhost:5432/qingyuan");
        String district = System.getProperty("district", "410108");
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(url, "postgres", "");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/api/v1/enterprises", exchange -> answer(exchange, connections.get(), district));
        server.start();
        System.out.println("ceiling on 127.0.0.1:" + port + " (" + threads + " threads, " + url + ")");
    }

    static void answer(HttpExchange exchange, Connection connection, String district) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        int page = 0;
        if (query != null) {
            for (String kv : query.split("&")) {
                if (kv.startsWith("page=")) {
                    page = Integer.parseInt(kv.substring(5));
                }
            }
        }
        StringBuilder json = new StringBuilder("{\"items\":[");
        long total = 0;
        try (PreparedStatement s = connection.prepareStatement(Boolean.parseBoolean(System.getProperty("total", "true")) ? COUNTED : PAGE)) {
            s.setString(1, district);
            s.setString(2, district);
            s.setString(3, district);
            s.setString(4, district);
            s.setLong(5, page * 20L);
            try (ResultSet rs = s.executeQuery()) {
                boolean first = true;
                while (rs.next()) {
                    json.append(first ? "" : ",").append("{\"id\":").append(rs.getLong(1)).append(",\"name\":\"")
                            .append(escape(rs.getString(2))).append("\",\"divisionCode\":\"").append(rs.getString(4))
                            .append("\",\"address\":\"").append(escape(rs.getString(5))).append("\",\"type\":\"")
                            .append(rs.getString(9)).append("\",\"reportedOn\":\"").append(rs.getString(11))
                            .append("\",\"status\":\"").append(rs.getString(12)).append("\",\"version\":").append(rs.getInt(13))
                            .append(",\"category\":").append(quoted(rs.getString(15))).append(",\"measure\":")
                            .append(quoted(rs.getString(17) != null ? rs.getString(17) : rs.getString(16))).append('}');
                    total = rs.getLong(14);
                    first = false;
                }
            }
        } catch (SQLException e) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        byte[] body = json.append("],\"page\":").append(page).append(",\"size\":20,\"total\":").append(total).append('}')
                .toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + escape(s) + "\"";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
