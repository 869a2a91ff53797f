package org.qingyuan.patrol.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.ActingUsers;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.grid.GridAssignment;
import org.qingyuan.grid.Grids;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.patrol.Revisit;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.RevisitSchedule;
import org.qingyuan.rectification.CaseClosedOut;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.Cases;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.ValidationException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revisits (回头看): scheduled at each close-out by the active plan's {@link RevisitSchedule} (in the close-out's own
 * transaction), added by a town, done by a check-in at the site within the geofence and with a photo, cancelled when
 * the case reopens; the daily sweep ({@link RevisitSweep}) schedules what a close-out outside the service left
 * unscheduled, cancels the revisits of reopened cases and reminds the grid members and the town.
 */
@Service
public class Revisits implements org.qingyuan.patrol.RevisitRequests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String OWNER_TYPE = "Revisit";
    private static final String COLUMNS = """
            id, case_id, enterprise_id, division_code, closed_out_on, seq, due_on, origin, reason, state, check_in_id, finding,
            done_at, done_by, cancelled_why, version
            """;

    private final JdbcClient jdbc;
    private final Policies policies;
    private final Cases cases;
    private final Grids grids;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final ActingUsers actors;
    private final Clock clock;

    Revisits(JdbcClient jdbc, Policies policies, Cases cases, Grids grids, Inbox inbox, AuditTrail audit, ActingUsers actors,
             Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.cases = cases;
        this.grids = grids;
        this.inbox = inbox;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /** The active plan's schedule (the platform's default without a plan). */
    public RevisitSchedule schedule() {
        return policies.active().map(Policy::revisits).orElse(RevisitSchedule.DEFAULT);
    }

    @EventListener
    void on(CaseClosedOut closed) {
        schedule(closed.caseId(), closed.enterpriseId(), closed.divisionCode(), closed.closedOutOn());
    }

    /** Schedules a close-out's revisits (once: a second call adds nothing); the revisits of an earlier close-out still due are cancelled. */
    @Transactional
    public int schedule(long caseId, long enterpriseId, String division, LocalDate closedOutOn) {
        RevisitSchedule s = schedule();
        jdbc.sql("""
                UPDATE revisit SET state = 'CANCELLED', cancelled_why = '重新销号，按新的销号日期安排回访', version = version + 1
                 WHERE case_id = :c AND state = 'DUE' AND closed_out_on <> :on
                """).param("c", caseId).param("on", closedOutOn).update();
        Instant now = clock.instant();
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < s.afterMonths().size(); i++) {
            LocalDate due = closedOutOn.plusMonths(s.afterMonths().get(i));
            int added = jdbc.sql("""
                            INSERT INTO revisit (case_id, enterprise_id, division_code, closed_out_on, seq, due_on, origin, reason, state,
                                                 created_at, created_by)
                            VALUES (:c, :e, :d, :on, :seq, :due, 'POLICY', :reason, 'DUE', :now, :by)
                            ON CONFLICT (case_id, closed_out_on, seq) WHERE origin = 'POLICY' DO NOTHING
                            """).param("c", caseId).param("e", enterpriseId).param("d", division).param("on", closedOutOn)
                    .param("seq", i + 1).param("due", due).param("reason", "销号后 " + s.afterMonths().get(i) + " 个月（" + s.source() + "）")
                    .param("now", utc(now)).param("by", actors.username()).update();
            if (added == 1) {
                days.add(due);
            }
        }
        if (!days.isEmpty()) {
            audit.record(new AuditEvent("REVISITS_SCHEDULED", OWNER_TYPE, null, s.source(), Map.of("caseId", caseId,
                    "enterpriseId", enterpriseId, "closedOutOn", closedOutOn.toString(), "dueOn", days.stream().map(LocalDate::toString).toList())));
        }
        return days.size();
    }

    /** A town adds a revisit of a closed-out enterprise of its own (a complaint, a season of risk, a leader's order). */
    @Transactional
    public Revisit add(CurrentUser user, long enterpriseId, LocalDate dueOn, String reason) {
        CaseSummary c = cases.ofEnterprise(enterpriseId, user.scope())
                .orElseThrow(() -> new NotFoundException("企业 #" + enterpriseId + " 没有整治任务或不在您的辖区内"));
        List<FieldError> errors = new ArrayList<>();
        if (c.state() != CaseState.CLOSED_OUT) {
            errors.add(new FieldError("enterpriseId", "该企业尚未销号（" + c.state().label() + "），销号后才安排回头看"));
        }
        if (dueOn == null) {
            errors.add(new FieldError("dueOn", "请填写回访日期"));
        } else if (dueOn.isBefore(today())) {
            errors.add(new FieldError("dueOn", "回访日期不能早于今天"));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null) {
            errors.add(new FieldError("reason", "请写明增加回访的原因"));
        } else if (why.length() > 500) {
            errors.add(new FieldError("reason", "原因不能超过 500 个字"));
        }
        ValidationException.throwIfAny(errors);
        long id = jdbc.sql("""
                        INSERT INTO revisit (case_id, enterprise_id, division_code, closed_out_on, seq, due_on, origin, reason, state,
                                             created_at, created_by)
                        VALUES (:c, :e, :d, :on, 0, :due, 'TOWN', :reason, 'DUE', :now, :by) RETURNING id
                        """).param("c", c.id()).param("e", enterpriseId).param("d", c.divisionCode()).param("on", c.closedOutOn())
                .param("due", dueOn).param("reason", why).param("now", utc(clock.instant())).param("by", user.username())
                .query(Long.class).single();
        audit.record(new AuditEvent("REVISIT_ADDED", OWNER_TYPE, Long.toString(id), why, Map.of("enterpriseId", enterpriseId,
                "dueOn", dueOn.toString())));
        return find(id).orElseThrow();
    }

    /** A revisit asked for by a complaint at a closed-out site (see {@link org.qingyuan.patrol.RevisitRequests}). */
    @Override
    @Transactional
    public Revisit requestRevisit(long enterpriseId, LocalDate dueOn, String reason, org.qingyuan.access.Scope scope) {
        CaseSummary c = cases.ofEnterprise(enterpriseId, scope).filter(s -> s.state() == CaseState.CLOSED_OUT)
                .orElseThrow(() -> new NotFoundException("企业 #" + enterpriseId + " 没有已销号的整治任务"));
        long id = jdbc.sql("""
                        INSERT INTO revisit (case_id, enterprise_id, division_code, closed_out_on, seq, due_on, origin, reason, state,
                                             created_at, created_by)
                        VALUES (:c, :e, :d, :on, 0, :due, 'TOWN', :reason, 'DUE', :now, :by) RETURNING id
                        """).param("c", c.id()).param("e", enterpriseId).param("d", c.divisionCode()).param("on", c.closedOutOn())
                .param("due", dueOn).param("reason", reason).param("now", utc(clock.instant())).param("by", actors.username())
                .query(Long.class).single();
        audit.record(new AuditEvent("REVISIT_REQUESTED", OWNER_TYPE, Long.toString(id), reason, Map.of("enterpriseId", enterpriseId,
                "dueOn", dueOn.toString())));
        return find(id).orElseThrow();
    }

    /**
     * A check-in at an enterprise: does the earliest revisit that is due by the end of the reminder window. Done only
     * when the check-in was within the geofence and carries a photo; a rebound also cancels the revisits still due.
     *
     * @return the revisit done, or why none was (empty text when the enterprise had no revisit due)
     */
    @Transactional
    public Outcome checkedIn(long checkInId, long enterpriseId, boolean rebound, boolean withinGeofence, boolean withPhoto) {
        LocalDate until = today().plusDays(schedule().remindDaysBefore());
        Optional<Revisit> next = jdbc.sql("SELECT " + COLUMNS + " FROM revisit WHERE enterprise_id = :e AND state = 'DUE' AND due_on <= :until "
                        + "ORDER BY due_on, id LIMIT 1 FOR UPDATE")
                .param("e", enterpriseId).param("until", until).query(Revisits::row).optional();
        if (next.isEmpty()) {
            if (rebound) {
                cancelDue(enterpriseId, checkInId);
            }
            return new Outcome(null, "");
        }
        if (!rebound && (!withinGeofence || !withPhoto)) {
            return new Outcome(null, "本次打卡" + (!withinGeofence ? "不在企业位置附近（或无定位）" : "没有现场照片")
                    + "，不算作回头看；回访须在现场打卡并拍照");
        }
        Revisit r = next.get();
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE revisit SET state = 'DONE', check_in_id = :ci, finding = :f, done_at = :at, done_by = :by, version = version + 1
                 WHERE id = :id AND state = 'DUE'
                """).param("ci", checkInId).param("f", rebound ? "REBOUND" : "NOTHING").param("at", utc(now))
                .param("by", actors.username()).param("id", r.id()).update();
        if (rebound) {
            cancelDue(enterpriseId, checkInId);
        }
        audit.record(new AuditEvent("REVISIT_DONE", OWNER_TYPE, Long.toString(r.id()), null, Map.of("checkInId", checkInId,
                "finding", rebound ? "REBOUND" : "NOTHING", "enterpriseId", enterpriseId)));
        return new Outcome(find(r.id()).orElseThrow(), rebound ? "回头看发现反弹" : "已完成回头看（第 " + Math.max(r.seq(), 1) + " 次）");
    }

    private void cancelDue(long enterpriseId, long checkInId) {
        jdbc.sql("""
                UPDATE revisit SET state = 'CANCELLED', cancelled_why = :why, version = version + 1
                 WHERE enterprise_id = :e AND state = 'DUE'
                """).param("why", "巡查发现反弹（巡查打卡 #" + checkInId + "），整治任务已重新打开").param("e", enterpriseId).update();
    }

    /** The revisit a check-in did, if any. */
    @Transactional(readOnly = true)
    public Optional<Revisit> byCheckIn(long checkInId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM revisit WHERE check_in_id = :c").param("c", checkInId).query(Revisits::row).optional();
    }

    /** What a check-in did to the revisits: the revisit done, and a sentence for the check-in's page. */
    public record Outcome(Revisit done, String message) {
    }

    @Transactional(readOnly = true)
    public Optional<Revisit> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM revisit WHERE id = :id").param("id", id).query(Revisits::row).optional();
    }

    /** The revisits still due of these enterprises, earliest first (for the daily list). */
    @Transactional(readOnly = true)
    public Map<Long, Revisit> nextDue(Collection<Long> enterpriseIds) {
        Map<Long, Revisit> next = new LinkedHashMap<>();
        if (enterpriseIds.isEmpty()) {
            return next;
        }
        jdbc.sql("SELECT DISTINCT ON (enterprise_id) " + COLUMNS + " FROM revisit WHERE enterprise_id = ANY(:ids) AND state = 'DUE' "
                        + "ORDER BY enterprise_id, due_on, id")
                .param("ids", enterpriseIds.toArray(Long[]::new)).query(Revisits::row).list()
                .forEach(r -> next.put(r.enterpriseId(), r));
        return next;
    }

    /**
     * The revisits inside the scope: {@code DUE} (all still due), {@code OVERDUE}, {@code SOON} (due within the reminder
     * window), {@code DONE}, {@code CANCELLED} or all; by day.
     */
    @Transactional(readOnly = true)
    public List<Revisit> list(Scope scope, String filter, int limit) {
        LocalDate today = today();
        String where = switch (filter == null ? "DUE" : filter) {
            case "OVERDUE" -> "state = 'DUE' AND due_on < :today";
            case "SOON" -> "state = 'DUE' AND due_on <= :soon";
            case "DONE" -> "state = 'DONE'";
            case "CANCELLED" -> "state = 'CANCELLED'";
            case "ALL" -> "true";
            case "DUE" -> "state = 'DUE'";
            default -> throw new ValidationException(List.of(new FieldError("state",
                    "回访状态应为 DUE、SOON、OVERDUE、DONE、CANCELLED 或 ALL，实际为“" + filter + "”")));
        };
        return jdbc.sql("SELECT " + COLUMNS + " FROM revisit WHERE division_code LIKE :prefix || '%' AND " + where
                        + (List.of("DONE", "CANCELLED").contains(filter) ? " ORDER BY due_on DESC, id DESC" : " ORDER BY due_on, id") + " LIMIT :limit")
                .param("prefix", scope.prefix()).param("today", today).param("soon", today.plusDays(schedule().remindDaysBefore()))
                .param("limit", limit).query(Revisits::row).list()
                .stream().filter(r -> scope.covers(org.qingyuan.shared.DivisionCode.of(r.divisionCode()))).toList();
    }

    /** The revisits of one enterprise, newest close-out first. */
    @Transactional(readOnly = true)
    public List<Revisit> ofEnterprise(long enterpriseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM revisit WHERE enterprise_id = :e ORDER BY closed_out_on DESC, due_on, id")
                .param("e", enterpriseId).query(Revisits::row).list();
    }

    // ---------------------------------------------------------------- the sweep's parts

    /** Cancels the revisits still due of cases that are no longer closed out (reopened, withdrawn). */
    @Transactional
    public int cancelReopened(Scope scope) {
        List<Revisit> due = jdbc.sql("SELECT " + COLUMNS + " FROM revisit WHERE state = 'DUE' AND division_code LIKE :p || '%'")
                .param("p", scope.prefix()).query(Revisits::row).list();
        int cancelled = 0;
        for (Revisit r : due) {
            Optional<CaseSummary> c = cases.ofEnterprise(r.enterpriseId(), scope);
            if (c.isEmpty() || c.get().state() != CaseState.CLOSED_OUT) {
                cancelled += jdbc.sql("""
                        UPDATE revisit SET state = 'CANCELLED', cancelled_why = :why, version = version + 1 WHERE id = :id AND state = 'DUE'
                        """).param("why", "整治任务已" + (c.isEmpty() ? "不存在" : "变为“" + c.get().state().label() + "”") + "，不再回访")
                        .param("id", r.id()).update();
            }
        }
        return cancelled;
    }

    /** Reminds the grid members (of the enterprise's grid) and the town of revisits due within the window, and of overdue ones, once a day each. */
    @Transactional
    public int remind(LocalDate today) {
        List<Revisit> due = jdbc.sql("SELECT " + COLUMNS + " FROM revisit WHERE state = 'DUE' AND due_on <= :soon "
                        + "AND (reminded_on IS NULL OR (due_on < :today AND reminded_on < due_on + 1)) ORDER BY due_on")
                .param("soon", today.plusDays(schedule().remindDaysBefore())).param("today", today).query(Revisits::row).list();
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, GridAssignment> assigned = grids.ofEnterprises(due.stream().map(Revisit::enterpriseId).toList());
        for (Revisit r : due) {
            boolean overdue = r.overdue(today);
            String title = (overdue ? "回头看逾期：" : "回头看将到期：") + name(r) + "（应于 " + r.dueOn() + " 前回访）";
            Notice notice = new Notice("REVISIT", title, "到现场打卡并拍照，确认已关停企业未恢复生产。", "/revisits",
                    "revisit-" + r.id() + (overdue ? "-overdue" : "-soon"));
            GridAssignment a = assigned.get(r.enterpriseId());
            if (a != null) {
                try {
                    List<String> members = grids.get(a.gridId(), Scope.of(org.qingyuan.shared.DivisionCode.of(r.divisionCode().substring(0, 9))))
                            .members();
                    inbox.deliver(members, notice);
                } catch (NotFoundException ignored) {
                    // the grid is gone: the town is told below
                }
            }
            inbox.deliverToRoles(List.of("TOWN_OFFICER"), r.divisionCode().substring(0, 9), notice);
            jdbc.sql("UPDATE revisit SET reminded_on = :today WHERE id = :id").param("today", today).param("id", r.id()).update();
        }
        return due.size();
    }

    private String name(Revisit r) {
        return cases.ofEnterprise(r.enterpriseId(), Scope.of(org.qingyuan.shared.DivisionCode.of(r.divisionCode())))
                .map(CaseSummary::enterpriseName).orElse("企业 #" + r.enterpriseId());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Revisit row(ResultSet rs, int i) throws SQLException {
        OffsetDateTime done = rs.getObject("done_at", OffsetDateTime.class);
        return new Revisit(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("enterprise_id"), rs.getString("division_code"),
                rs.getObject("closed_out_on", LocalDate.class), rs.getInt("seq"), rs.getObject("due_on", LocalDate.class),
                rs.getString("origin"), rs.getString("reason"), rs.getString("state"), rs.getObject("check_in_id", Long.class),
                rs.getString("finding"), done == null ? null : done.toInstant(), rs.getString("done_by"), rs.getString("cancelled_why"),
                rs.getInt("version"));
    }
}
