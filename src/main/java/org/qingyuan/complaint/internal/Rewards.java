package org.qingyuan.complaint.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.ComplaintState;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewards of founded complaints (001 三（一）发挥12369有奖举报的激励作用): the district office records the amount and its
 * decision, then the payment. The reward names the complaint only: the reporter is reached through the complaint's
 * sealed contact, never copied here, and no page or export of rewards shows him.
 */
@Service
public class Rewards {

    /** A reward as recorded. */
    public record Reward(long complaintId, BigDecimal amount, String decision, Instant decidedAt, String decidedBy, Instant paidAt,
                         String paidBy, int version) {
        public boolean paid() {
            return paidAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final ComplaintHandling handling;
    private final AuditTrail audit;
    private final Clock clock;

    Rewards(JdbcClient jdbc, ComplaintHandling handling, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.handling = handling;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Reward> of(long complaintId) {
        return jdbc.sql("SELECT * FROM complaint_reward WHERE complaint_id = :id").param("id", complaintId)
                .query((rs, i) -> new Reward(rs.getLong("complaint_id"), rs.getBigDecimal("amount"), rs.getString("decision"),
                        rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by"),
                        rs.getTimestamp("paid_at") == null ? null : rs.getTimestamp("paid_at").toInstant(), rs.getString("paid_by"),
                        rs.getInt("version"))).optional();
    }

    @Transactional
    public Reward decide(long complaintId, BigDecimal amount, String decision, CurrentUser actor) {
        Complaint c = handling.get(complaintId, actor.scope());
        if (!Boolean.TRUE.equals(c.founded())) {
            throw new ConflictException("只有经核查属实的举报才能给予奖励（当前：" + c.state().label() + "）");
        }
        if (amount == null || amount.signum() < 0 || amount.compareTo(new BigDecimal("100000")) > 0) {
            throw new InvalidInputException("amount", "奖励金额应在 0 到 100000 元之间");
        }
        if (decision == null || decision.isBlank()) {
            throw new InvalidInputException("decision", "请填写奖励决定（文号或决定内容）");
        }
        if (of(complaintId).isPresent()) {
            throw new ConflictException("该举报已有奖励决定");
        }
        jdbc.sql("""
                INSERT INTO complaint_reward (complaint_id, amount, decision, decided_at, decided_by)
                VALUES (:id, :amount, :decision, :at, :by)
                """).param("id", complaintId).param("amount", amount).param("decision", decision.strip())
                .param("at", Timestamp.from(clock.instant())).param("by", actor.username()).update();
        audit.record(new AuditEvent("COMPLAINT_REWARD_DECIDED", Complaint.OWNER_TYPE, Long.toString(complaintId), decision.strip(),
                Map.of("amount", amount.toPlainString())));
        return of(complaintId).orElseThrow();
    }

    @Transactional
    public Reward pay(long complaintId, int version, CurrentUser actor) {
        handling.get(complaintId, actor.scope());
        Reward r = of(complaintId).orElseThrow(() -> new ConflictException("该举报还没有奖励决定"));
        if (r.paid()) {
            throw new ConflictException("奖励已发放");
        }
        int n = jdbc.sql("""
                UPDATE complaint_reward SET paid_at = :at, paid_by = :by, version = version + 1
                 WHERE complaint_id = :id AND version = :v
                """).param("at", Timestamp.from(clock.instant())).param("by", actor.username()).param("id", complaintId)
                .param("v", version).update();
        if (n != 1) {
            throw new ConflictException("奖励记录已被他人修改，请刷新后重试");
        }
        audit.record(new AuditEvent("COMPLAINT_REWARD_PAID", Complaint.OWNER_TYPE, Long.toString(complaintId), null,
                Map.of("amount", r.amount().toPlainString())));
        return of(complaintId).orElseThrow();
    }

    /** Founded complaints are the only ones a reward may follow. */
    static boolean eligible(Complaint c) {
        return Boolean.TRUE.equals(c.founded()) && c.state() != ComplaintState.RECEIVED;
    }
}
