package org.qingyuan.patrol.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.qingyuan.access.Scope;
import org.qingyuan.platform.Deployment;
import org.qingyuan.rectification.CaseLists;
import org.qingyuan.rectification.CaseQuery;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.shared.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily revisit sweep (one node at a time, ShedLock; also once at start): schedules the revisits of every closed-out
 * case that has none for its close-out day (a close-out before this module, or by a path that published nothing),
 * cancels those of cases no longer closed out, and reminds the grid members and towns of revisits coming due and overdue.
 */
@Component
public class RevisitSweep {

    private static final Logger log = LoggerFactory.getLogger(RevisitSweep.class);

    /** What one sweep did. */
    public record Result(int scheduled, int cancelled, int reminded) {
    }

    private final Revisits revisits;
    private final CaseLists cases;
    private final Deployment deployment;
    private final JdbcClient jdbc;
    private final Clock clock;

    RevisitSweep(Revisits revisits, CaseLists cases, Deployment deployment, JdbcClient jdbc, Clock clock) {
        this.revisits = revisits;
        this.cases = cases;
        this.deployment = deployment;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        daily();
    }

    @Scheduled(cron = "${qingyuan.patrol.revisit-sweep-cron:0 20 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "revisit-daily-sweep", lockAtMostFor = "PT30M")
    public void daily() {
        try {
            Result r = sweep(LocalDate.now(clock.withZone(Revisits.CHINA)));
            log.info("Revisit sweep: {} revisits scheduled, {} cancelled, {} reminders", r.scheduled(), r.cancelled(), r.reminded());
        } catch (RuntimeException e) {
            log.error("Revisit sweep failed", e);
        }
    }

    public Result sweep(LocalDate today) {
        Scope district = Scope.of(deployment.homeDistrict());
        Set<String> scheduled = new HashSet<>(jdbc.sql("SELECT DISTINCT case_id || '/' || closed_out_on FROM revisit WHERE origin = 'POLICY'")
                .query(String.class).list());
        int added = 0;
        for (int page = 0; ; page++) {
            Page<CaseSummary> p = cases.search(new CaseQuery(null, null, CaseState.CLOSED_OUT, null, null, null, page, 200), district);
            for (CaseSummary c : p.items()) {
                if (c.closedOutOn() != null && !scheduled.contains(c.id() + "/" + c.closedOutOn())) {
                    added += revisits.schedule(c.id(), c.enterpriseId(), c.divisionCode(), c.closedOutOn());
                }
            }
            if (p.items().size() < p.size() || (long) (page + 1) * p.size() >= p.total()) {
                break;
            }
        }
        int cancelled = revisits.cancelReopened(district);
        int reminded = revisits.remind(today);
        return new Result(added, cancelled, reminded);
    }
}
