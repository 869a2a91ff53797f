package org.qingyuan.access.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Permission;
import org.qingyuan.access.RoleCode;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API tokens: requested and approved by two people ({@link TokenRequests}), shown once to the requester, kept only as SHA-256, scoped to a role and division, carrying an explicit list of permissions ({@link TokenGrant}), revocable. */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as the system admin sees it in the list. */
    public record TokenView(long id, String name, String prefix, String roleCode, String divisionCode, String departmentCode,
                     List<String> permissions, String createdBy, String approvedBy, Instant createdAt, Instant lastUsedAt,
                     Instant revokedAt) {

        /** The permissions by their Chinese labels, for the pages. */
        public String permissionLabels() {
            return TokenGrant.labels(permissions);
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token: its id and its secret text, the only time the text is ever shown. */
    public record Issued(long id, String token) {
    }

    /**
     * Creates a token for an approved request ({@link TokenRequests#issue}); answers its secret text, shown only to
     * the requester who issues it.
     */
    @Transactional
    Issued create(String name, RoleCode role, DivisionCode division, String department, Set<Permission> permissions,
                  String createdBy, long requestId, String approvedBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "qy_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                        INSERT INTO api_token (name, token_hash, token_prefix, role_code, division_code, department_code, permissions,
                                               created_by, request_id, approved_by)
                        VALUES (:name, :hash, :prefix, :role, :division, :department, :permissions, :by, :request, :approvedBy)
                        RETURNING id
                        """)
                .param("name", name).param("hash", sha256(token)).param("prefix", token.substring(0, 8))
                .param("role", role.name()).param("division", division.value()).param("department", department)
                .param("permissions", TokenGrant.names(permissions)).param("by", createdBy).param("request", requestId).param("approvedBy", approvedBy)
                .query(Long.class).single();
        audit.record(new AuditEvent("API_TOKEN_CREATED", "ApiToken", String.valueOf(id), null,
                java.util.Map.of("name", name, "role", role.name(), "division", division.value(), "request", requestId,
                        "approvedBy", approvedBy, "permissions", List.of(TokenGrant.names(permissions)))));
        return new Issued(id, token);
    }

    @Transactional
    public void revoke(long id, String by) {
        int updated = jdbc.sql("UPDATE api_token SET revoked_at = now(), revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                .param("by", by).param("id", id).update();
        if (updated == 0) {
            throw new NotFoundException("令牌不存在或已吊销");
        }
        recent.clear();
        // and again once committed, so that no call in between keeps the token for its five seconds
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        recent.clear();
                    }
                });
        audit.record(AuditEvent.of("API_TOKEN_REVOKED", "ApiToken", id));
    }

    public List<TokenView> list() {
        return jdbc.sql("SELECT * FROM api_token ORDER BY id DESC").query((rs, i) -> new TokenView(rs.getLong("id"),
                rs.getString("name"), rs.getString("token_prefix"), rs.getString("role_code"), rs.getString("division_code"),
                rs.getString("department_code"), TokenGrant.list(rs.getArray("permissions")), rs.getString("created_by"), rs.getString("approved_by"), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")))).list();
    }

    /** A valid token's principal and the permissions it carries. */
    record Authenticated(AccountDetails details, TokenGrant grant, boolean lastUseStale) {
    }

    /**
     * The principal of a valid token with its permissions. Its last use is written at most once a minute: a system
     * calling many times a second would otherwise queue every call behind one row lock and one commit.
     */
    Optional<Authenticated> authenticate(String token) {
        String hash = sha256(token);
        long nanos = System.nanoTime();
        Cached cached = recent.get(hash);
        if (cached != null && nanos - cached.at() < CACHE_NANOS) {
            return Optional.of(cached.token());
        }
        Optional<Authenticated> found = load(hash);
        if (recent.size() > 10_000) {
            recent.clear();
        }
        found.ifPresentOrElse(a -> recent.put(hash, new Cached(a, nanos)), () -> recent.remove(hash));
        return found;
    }

    /**
     * Valid tokens are remembered for five seconds per node: a system calling many times a second costs no query per
     * call. A revocation on this node applies at once, on other nodes within those five seconds.
     */
    private static final long CACHE_NANOS = 5_000_000_000L;

    private record Cached(Authenticated token, long at) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();

    private Optional<Authenticated> load(String hash) {
        Instant now = Instant.now(clock);
        Optional<Authenticated> found = jdbc.sql("""
                        SELECT t.id, t.name, t.role_code, r.name AS role_name, t.division_code, t.department_code, t.permissions,
                               t.last_used_at
                          FROM api_token t JOIN role r ON r.code = t.role_code
                         WHERE t.token_hash = :hash AND t.revoked_at IS NULL
                        """)
                .param("hash", hash)
                .query((rs, i) -> {
                    Timestamp last = rs.getTimestamp("last_used_at");
                    boolean stale = last == null || last.toInstant().isBefore(now.minusSeconds(LAST_USE_RESOLUTION_SECONDS));
                    return new Authenticated(new AccountDetails(new CurrentUser(-rs.getLong("id"),
                            "token:" + rs.getString("name"), rs.getString("name"), rs.getString("role_code"),
                            rs.getString("role_name"), DivisionCode.of(rs.getString("division_code")),
                            rs.getString("department_code")), null, AccountDetails.PendingStep.NONE),
                            TokenGrant.of(TokenGrant.list(rs.getArray("permissions"))), stale);
                })
                .optional();
        found.filter(Authenticated::lastUseStale).ifPresent(a -> touch(-a.details().user().id(), now));
        return found;
    }

    private static final long LAST_USE_RESOLUTION_SECONDS = 60;

    private void touch(long id, Instant now) {
        jdbc.sql("""
                        UPDATE api_token SET last_used_at = :now
                         WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :before)
                        """)
                .param("now", Timestamp.from(now)).param("id", id)
                .param("before", Timestamp.from(now.minusSeconds(LAST_USE_RESOLUTION_SECONDS))).update();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
