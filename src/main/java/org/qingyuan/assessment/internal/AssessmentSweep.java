package org.qingyuan.assessment.internal;

import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.qingyuan.assessment.Quarter;
import org.qingyuan.assessment.QuarterKey;
import org.qingyuan.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily assessment sweep (one node at a time, ShedLock): once the last quarter's cut-off has passed, its inputs
 * are frozen and its ranking computed for the home district, if the district office has not frozen it already.
 */
@Component
public class AssessmentSweep {

    private static final Logger log = LoggerFactory.getLogger(AssessmentSweep.class);

    private final AssessmentService quarters;
    private final Deployment deployment;

    AssessmentSweep(AssessmentService quarters, Deployment deployment) {
        this.quarters = quarters;
        this.deployment = deployment;
    }

    @Scheduled(cron = "${qingyuan.assessment.sweep-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "assessment-daily-sweep", lockAtMostFor = "PT30M")
    public void daily() {
        sweep();
    }

    /** Freezes the previous quarter of the home district when its cut-off has passed; answers what it froze. */
    public Optional<Quarter> sweep() {
        QuarterKey last = QuarterKey.of(quarters.today()).previous();
        Optional<Quarter> frozen = quarters.freezeDue(deployment.homeDistrict(), last);
        frozen.ifPresent(q -> log.info("Assessment sweep: {} of {} frozen, inputs SM3 {}", q.key().label(), q.district(), q.inputsDigest()));
        return frozen;
    }
}
