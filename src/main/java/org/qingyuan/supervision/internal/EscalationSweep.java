package org.qingyuan.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily escalation sweep of supervision problems (one node at a time, ShedLock; also once at start). */
@Component
class EscalationSweep {

    private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);

    private final ProblemService problems;
    private final Clock clock;

    EscalationSweep(ProblemService problems, Clock clock) {
        this.problems = problems;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        daily();
    }

    @Scheduled(cron = "${qingyuan.supervision.sweep-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "supervision-daily-sweep", lockAtMostFor = "PT30M")
    public void daily() {
        int steps = problems.escalate(LocalDate.now(clock.withZone(ProblemService.CHINA)));
        log.info("Supervision sweep: {} problems escalated", steps);
    }
}
