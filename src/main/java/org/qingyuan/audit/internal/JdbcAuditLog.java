package org.qingyuan.audit.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.audit.AuditEntry;
import org.qingyuan.audit.AuditLog;
import org.qingyuan.audit.AuditQuery;
import org.qingyuan.audit.AuditVerification;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcAuditLog implements AuditLog {

    private static final RowMapper<AuditEntry> MAPPER = (rs, i) -> new AuditEntry(rs.getLong("id"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"), rs.getString("role_code"),
            rs.getString("division_code"), rs.getString("client_address"), rs.getString("action"),
            rs.getString("object_type"), rs.getString("object_id"), rs.getString("outcome"), rs.getString("reason"),
            rs.getString("details"), rs.getString("hash"));

    private static final String FILTER = """
             WHERE (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
               AND (CAST(:username AS text) IS NULL OR username = :username)
               AND (CAST(:action AS text) IS NULL OR action ILIKE '%' || :action || '%')
               AND (CAST(:objectType AS text) IS NULL OR object_type = :objectType)
               AND (CAST(:objectId AS text) IS NULL OR object_id = :objectId)
               AND (CAST(:outcome AS text) IS NULL OR outcome = :outcome)
            """;

    private final JdbcClient jdbc;
    private final ChainVerifier verifier;
    private final DailyAnchor anchor;
    private final GroupAppender group;

    JdbcAuditLog(JdbcClient jdbc, ChainVerifier verifier, DailyAnchor anchor, GroupAppender group) {
        this.jdbc = jdbc;
        this.group = group;
        this.verifier = verifier;
        this.anchor = anchor;
    }

    @Override
    public List<AuditEntry> search(AuditQuery query) {
        return bind(jdbc.sql("SELECT * FROM audit_record" + FILTER + " ORDER BY id DESC LIMIT :size OFFSET :offset"), query)
                .param("size", query.size()).param("offset", (long) query.page() * query.size())
                .query(MAPPER).list();
    }

    @Override
    public long count(AuditQuery query) {
        return bind(jdbc.sql("SELECT count(*) FROM audit_record" + FILTER), query).query(Long.class).single();
    }

    @Override
    public AuditVerification verify() {
        group.flush();
        return verifier.verify();
    }

    @Override
    public boolean anchor(LocalDate date) {
        return anchor.anchor(date);
    }

    @Override
    public List<AuditEntry> forObject(String objectType, String objectId) {
        return jdbc.sql("SELECT * FROM audit_record WHERE object_type = :type AND object_id = :id ORDER BY id DESC")
                .param("type", objectType).param("id", objectId).query(MAPPER).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AuditQuery q) {
        return spec
                .param("from", q.from() == null ? null : Timestamp.from(q.from().atStartOfDay(DailyAnchor.CHINA).toInstant()))
                .param("to", q.to() == null ? null : Timestamp.from(q.to().plusDays(1).atStartOfDay(DailyAnchor.CHINA).toInstant()))
                .param("username", blankToNull(q.username())).param("action", blankToNull(q.action()))
                .param("objectType", blankToNull(q.objectType())).param("objectId", blankToNull(q.objectId()))
                .param("outcome", blankToNull(q.outcome()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
