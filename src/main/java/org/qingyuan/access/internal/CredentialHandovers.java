package org.qingyuan.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Permission;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time password of a business account the system admin creates or resets is never shown to him: the account
 * gets a password nobody knows, and a hand-over waits for a business officer responsible for the account's
 * jurisdiction (by default the district office: a holder of {@link Permission#CREDENTIAL_COLLECT} whose division
 * contains the account's). That officer collects it once — the password is generated at that moment, so no password
 * is ever stored in clear — and passes it to the person, who must change it at first sign-in. A hand-over expires
 * when not collected within its validity (72 hours by default).
 */
@Service
public class CredentialHandovers {

    /** A hand-over as the pages show it. */
    public record Handover(long id, long userId, String username, String displayName, String roleName, String divisionCode,
                           String kind, String reason, String requestedBy, Instant requestedAt, Instant expiresAt,
                           String state, String collectedBy, Instant collectedAt) {

        public String kindLabel() {
            return "CREATE".equals(kind) ? "新建账号" : "重置密码";
        }

        public boolean expiredAt(Instant now) {
            return "PENDING".equals(state) && !expiresAt.isAfter(now);
        }

        public String stateLabelAt(Instant now) {
            if (expiredAt(now)) {
                return "已过期";
            }
            return switch (state) {
                case "PENDING" -> "待区办领取";
                case "COLLECTED" -> "已领取（" + collectedBy + "）";
                default -> "已作废";
            };
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration validity;

    CredentialHandovers(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, Clock clock,
                        @Value("${qingyuan.access.handover-validity:PT72H}") Duration validity) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }

    /** True when an enabled officer other than the account itself may collect a password for this division. */
    boolean hasCollector(String divisionCode, String exceptUsername) {
        return jdbc.sql("""
                        SELECT count(*) FROM app_user u JOIN role_permission rp ON rp.role_code = u.role_code
                         WHERE rp.permission = :permission AND u.enabled AND u.username <> :except
                           AND :division LIKE u.division_code || '%'
                        """)
                .param("permission", Permission.CREDENTIAL_COLLECT.name()).param("except", exceptUsername)
                .param("division", divisionCode).query(Long.class).single() > 0;
    }

    /**
     * Makes the account's password unknown to everyone and files the hand-over; an earlier uncollected hand-over of the
     * same account is superseded. Runs in the caller's transaction.
     */
    long file(long userId, String username, String divisionCode, String kind, String reason) {
        jdbc.sql("""
                        UPDATE app_user SET password_hash = :hash, must_change_password = true, password_changed_at = now(),
                               failed_attempts = 0, version = version + 1 WHERE id = :id
                        """)
                .param("hash", encoder.encode(GeneratedPasswords.next() + GeneratedPasswords.next()))
                .param("id", userId).update();
        jdbc.sql("UPDATE credential_handover SET state = 'SUPERSEDED' WHERE user_id = :id AND state = 'PENDING'")
                .param("id", userId).update();
        String by = CurrentUsers.current().map(CurrentUser::username).orElse("system");
        long id = jdbc.sql("""
                        INSERT INTO credential_handover (user_id, kind, reason, requested_by, expires_at)
                        VALUES (:user, :kind, :reason, :by, :expires) RETURNING id
                        """)
                .param("user", userId).param("kind", kind).param("reason", reason).param("by", by)
                .param("expires", Timestamp.from(Instant.now(clock).plus(validity)))
                .query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("userId", userId);
        details.put("username", username);
        details.put("division", divisionCode);
        details.put("expiresAt", Instant.now(clock).plus(validity).toString());
        audit.record(new AuditEvent("CREDENTIAL_HANDOVER_FILED", "CredentialHandover", String.valueOf(id), reason, details));
        return id;
    }

    /** The hand-overs the collector may see: accounts within his jurisdiction, other than his own, newest first. */
    public List<Handover> visibleTo(CurrentUser collector) {
        return jdbc.sql(SELECT + """
                         WHERE u.division_code LIKE :prefix || '%' AND u.id <> :self
                         ORDER BY (h.state = 'PENDING' AND h.expires_at > now()) DESC, h.id DESC LIMIT 200
                        """)
                .param("prefix", collector.scope().prefix()).param("self", collector.id())
                .query((rs, i) -> row(rs)).list();
    }

    /** The hand-overs of one account, for the system admin's user page (never with a password). */
    public List<Handover> ofUser(long userId) {
        return jdbc.sql(SELECT + " WHERE h.user_id = :id ORDER BY h.id DESC LIMIT 5")
                .param("id", userId).query((rs, i) -> row(rs)).list();
    }

    /**
     * Collects a hand-over once: generates the password, sets it (to be changed at first sign-in) and answers it. A
     * hand-over outside the collector's jurisdiction does not exist for him.
     */
    @Transactional
    public String collect(long id, CurrentUser collector) {
        Handover handover = jdbc.sql(SELECT + " WHERE h.id = :id FOR UPDATE OF h").param("id", id)
                .query((rs, i) -> row(rs)).optional()
                .filter(h -> h.userId() != collector.id() && collector.scope().covers(DivisionCode.of(h.divisionCode())))
                .orElseThrow(() -> new NotFoundException("待领取的账号不存在或不在本辖区"));
        Instant now = Instant.now(clock);
        if ("COLLECTED".equals(handover.state())) {
            throw new InvalidInputException("state", "账号 " + handover.username() + " 的密码已由 " + handover.collectedBy()
                    + " 领取，不能再次领取；如未交到本人，请联系系统管理员重新重置");
        }
        if (!"PENDING".equals(handover.state())) {
            throw new InvalidInputException("state", "该交付已作废（账号 " + handover.username() + " 的密码已再次重置）");
        }
        if (handover.expiredAt(now)) {
            throw new InvalidInputException("state", "账号 " + handover.username() + " 的密码交付已过期，请联系系统管理员重新重置密码");
        }
        String password = GeneratedPasswords.next();
        jdbc.sql("UPDATE credential_handover SET state = 'COLLECTED', collected_by = :by, collected_at = :at WHERE id = :id")
                .param("by", collector.username()).param("at", Timestamp.from(now)).param("id", id).update();
        jdbc.sql("""
                        UPDATE app_user SET password_hash = :hash, must_change_password = true, password_changed_at = now(),
                               failed_attempts = 0, version = version + 1 WHERE id = :id
                        """)
                .param("hash", encoder.encode(password)).param("id", handover.userId()).update();
        audit.record(new AuditEvent("CREDENTIAL_COLLECTED", "CredentialHandover", String.valueOf(id), null, Map.of(
                "userId", handover.userId(), "username", handover.username(), "requestedBy", handover.requestedBy())));
        return password;
    }

    private static final String SELECT = """
            SELECT h.*, u.username, u.display_name, u.division_code, r.name AS role_name
              FROM credential_handover h JOIN app_user u ON u.id = h.user_id JOIN role r ON r.code = u.role_code
            """;

    private static Handover row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp collected = rs.getTimestamp("collected_at");
        return new Handover(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("role_name"), rs.getString("division_code"), rs.getString("kind"), rs.getString("reason"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rs.getString("state"), rs.getString("collected_by"), collected == null ? null : collected.toInstant());
    }
}
