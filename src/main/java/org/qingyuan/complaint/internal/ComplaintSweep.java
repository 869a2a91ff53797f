package org.qingyuan.complaint.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.qingyuan.access.RoleCode;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily sweep (one node at a time, ShedLock; also once at start): complaints past their deadline remind the town's
 * officers (once a day) and are escalated to the district office (once); reporters' contacts older than the retention
 * period after the reply are deleted; used and expired proof-of-work challenges are dropped.
 */
@Component
public class ComplaintSweep {

    private static final Logger log = LoggerFactory.getLogger(ComplaintSweep.class);

    private final ComplaintStore store;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final ComplaintProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    ComplaintSweep(ComplaintStore store, Inbox inbox, AuditTrail audit, ComplaintProperties properties, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.inbox = inbox;
        this.audit = audit;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        daily();
    }

    @Scheduled(cron = "${qingyuan.complaint.sweep-cron:0 50 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "complaint-daily-sweep", lockAtMostFor = "PT30M")
    public void daily() {
        int overdue = remindOverdue(LocalDate.now(clock.withZone(ComplaintHandling.CHINA)));
        int deleted = deleteOldContacts();
        log.info("Complaint sweep: {} overdue complaints reminded, {} reporters' contacts deleted", overdue, deleted);
    }

    @Transactional
    public int remindOverdue(LocalDate today) {
        int n = 0;
        for (Complaint c : store.overdue(today)) {
            if (today.equals(c.remindedOn())) {
                continue;
            }
            n++;
            inbox.deliverToRoles(Set.of(RoleCode.TOWN_OFFICER.name()), ComplaintHandling.town(c), new Notice("COMPLAINT_OVERDUE",
                    "群众举报逾期未办结（期限 " + c.deadline() + "）", ComplaintIntake.abbreviate(c.description()), "/complaints/" + c.id(),
                    "complaint-overdue-" + c.id() + "-" + today));
            Instant escalated = null;
            if (c.escalatedAt() == null) {
                escalated = clock.instant();
                inbox.deliverToRoles(Set.of(RoleCode.DISTRICT_OFFICE.name()), c.districtCode(), new Notice("COMPLAINT_ESCALATED",
                        "群众举报逾期未办结，请督办", ComplaintIntake.abbreviate(c.description()), "/complaints/" + c.id(),
                        "complaint-escalated-" + c.id()));
                audit.record(new AuditEvent("COMPLAINT_ESCALATED", Complaint.OWNER_TYPE, Long.toString(c.id()), "逾期未办结",
                        Map.of("deadline", c.deadline().toString(), "divisionCode", c.divisionCode())));
                store.step(c.id(), "ESCALATED", escalated, "system", "逾期未办结，已提请区办督办", null);
            }
            store.markReminded(c.id(), today, escalated);
        }
        return n;
    }

    /** Deletes the contacts the retention period no longer allows; each deletion is audited. */
    @Transactional
    public int deleteOldContacts() {
        Instant now = clock.instant();
        var ids = store.deleteContactsRepliedBefore(now.minus(properties.contactRetention()), now);
        for (Long id : ids) {
            audit.record(new AuditEvent("REPORTER_CONTACT_DELETED", Complaint.OWNER_TYPE, Long.toString(id), "超过保存期限",
                    Map.of("retention", properties.contactRetention().toString())));
        }
        jdbc.sql("DELETE FROM complaint_challenge WHERE issued_at < :before").param("before",
                ComplaintStore.ts(now.minus(properties.challengeTtl()).minusSeconds(3600))).update();
        return ids.size();
    }
}
