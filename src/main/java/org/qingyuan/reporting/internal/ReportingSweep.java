package org.qingyuan.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.qingyuan.reporting.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily reporting sweep (one node at a time, ShedLock): opens the submissions of the periods that started,
 * reminds the units whose reminder day has come, and tells the district office and the unit of each submission that
 * has just become late. Also run once at start, so that a fresh platform shows its current periods at once.
 */
@Component
public class ReportingSweep {

    private static final Logger log = LoggerFactory.getLogger(ReportingSweep.class);

    /** What one sweep did. */
    public record Result(int opened, int reminded, int late) {
    }

    private final SubmissionService submissions;
    private final SubmissionStore store;
    private final ReportNotices notices;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReportingSweep(SubmissionService submissions, SubmissionStore store, ReportNotices notices, TransactionTemplate tx,
                   Clock clock) {
        this.submissions = submissions;
        this.store = store;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        daily();
    }

    @Scheduled(cron = "${qingyuan.reporting.sweep-cron:0 10 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "reporting-daily-sweep", lockAtMostFor = "PT30M")
    public void daily() {
        Result r = sweep(LocalDate.now(clock.withZone(Submission.CHINA_ZONE)));
        log.info("Reporting sweep: {} submissions opened, {} reminded, {} newly late", r.opened(), r.reminded(), r.late());
    }

    /** Sweeps as of a day. */
    public Result sweep(LocalDate today) {
        return tx.execute(status -> {
            int opened = submissions.openPeriods(today);
            int reminded = 0;
            for (Submission s : store.toRemind(today)) {
                notices.remind(s);
                store.markReminded(s.id(), today);
                reminded++;
            }
            int late = 0;
            for (Submission s : store.newlyLate(today)) {
                notices.late(s);
                store.markLateNoticed(s.id(), today);
                late++;
            }
            return new Result(opened, reminded, late);
        });
    }
}
