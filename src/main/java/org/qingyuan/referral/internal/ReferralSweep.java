package org.qingyuan.referral.internal;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily sweep of overdue referrals (one node at a time, ShedLock; also once at start). */
@Component
class ReferralSweep {

    private static final Logger log = LoggerFactory.getLogger(ReferralSweep.class);

    private final ReferralService referrals;
    private final Clock clock;

    ReferralSweep(ReferralService referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        daily();
    }

    @Scheduled(cron = "${qingyuan.referral.sweep-cron:0 40 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "referral-daily-sweep", lockAtMostFor = "PT30M")
    public void daily() {
        int overdue = referrals.sweep(LocalDate.now(clock.withZone(ReferralService.CHINA)));
        log.info("Referral sweep: {} overdue referrals reminded", overdue);
    }
}
