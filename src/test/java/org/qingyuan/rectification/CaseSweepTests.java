package org.qingyuan.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.notification.Inbox;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.WorkingDays;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The daily sweep with a moved clock: a reminder before the deadline, then escalation and overdue after it. */
@SpringBootTest
@AutoConfigureMockMvc
class CaseSweepTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @Autowired MockMvc mvc;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired Inbox inbox;
    @Autowired WorkingDays workingDays;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    CaseFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CaseFixtures(mvc, policies, events, tx, cases);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    void moveTo(LocalDate day) {
        clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(today(), day)));
    }

    void sweep() {
        // the scheduled method itself, as the scheduler calls it (the ShedLock proxy included)
        Object sweep = context.getBean("caseSweep");
        try {
            sweep.getClass().getMethod("daily").invoke(sweep);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRelocationIsRemindedBeforeItsDeadlineAndEscalatedToShutdownAfterIt() throws Exception {
        var calendar = workingDays.calendar();
        LocalDate deadline = calendar.plusWorkingDays(today(), 4);
        CaseSummary relocation = fixtures.open("410108001001", "shuimogou-2017", CaseFixtures.SAN, "inside-second-ring",
                Map.of(DeadlineKind.RELOCATE, deadline));
        assertThat(relocation.measure()).isEqualTo(MeasureKind.RELOCATE);
        CaseSummary shutdown = fixtures.open("410108001001", "huiji-2017", CaseFixtures.SHUTDOWN, null,
                Map.of(DeadlineKind.DEMOLISH, deadline));
        cases.assign(relocation.id(), relocation.version(), new ResponsiblePersons("410108001", "410108001001", "ENVIRONMENT",
                "王建国", "13803710001", "grid"),
                new CurrentUser(1, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", DivisionCode.of("410108"), null));

        LocalDate dayBefore = deadline.minusDays(1);
        while (!calendar.isWorkingDay(dayBefore)) {
            dayBefore = dayBefore.minusDays(1);
        }
        moveTo(dayBefore);
        sweep();
        sweep();
        assertThat(inbox.messages("grid", 500)).filteredOn(m -> m.kind().equals("CASE_DUE_SOON")
                && m.link().equals("/cases/" + relocation.id())).hasSize(1);
        assertThat(cases.get(relocation.id(), DISTRICT).timeline()).filteredOn(s -> s.kind() == StepKind.REMINDED).hasSize(1);

        moveTo(deadline.plusDays(1));
        sweep();
        sweep();
        RectificationCase escalated = cases.get(relocation.id(), DISTRICT).rectificationCase();
        assertThat(escalated.state()).isEqualTo(CaseState.ESCALATED);
        assertThat(escalated.measure()).isEqualTo(MeasureKind.SHUTDOWN);
        assertThat(escalated.requirements()).hasSize(5);
        assertThat(escalated.deadline()).isAfter(deadline.plusDays(1));
        assertThat(escalated.plan().deadlines()).extracting(CaseDeadline::kind).contains(DeadlineKind.RELOCATE, DeadlineKind.BAN);
        assertThat(inbox.messages("grid", 500)).filteredOn(m -> m.kind().equals("CASE_ESCALATED")
                && m.link().equals("/cases/" + relocation.id())).hasSize(1);
        assertThat(inbox.messages("town", 2000)).filteredOn(m -> m.kind().equals("CASE_ESCALATED")
                && m.link().equals("/cases/" + relocation.id())).hasSize(1);

        RectificationCase overdue = cases.get(shutdown.id(), DISTRICT).rectificationCase();
        assertThat(overdue.overdueSince()).isEqualTo(deadline.plusDays(1));
        assertThat(overdue.state()).as("the plan's 约谈 escalation keeps the measure").isEqualTo(CaseState.ESCALATED);
        assertThat(inbox.messages("town", 2000)).filteredOn(m -> m.kind().equals("CASE_OVERDUE")
                && m.link().equals("/cases/" + shutdown.id())).hasSize(1);
        assertThat(cases.get(shutdown.id(), DISTRICT).timeline()).extracting(CaseView.TimelineStep::kind)
                .containsSubsequence(StepKind.OPENED, StepKind.ESCALATED, StepKind.OVERDUE).filteredOn(StepKind.OVERDUE::equals).hasSize(1);

        assertThat(jdbc.sql("""
                        SELECT action FROM audit_record WHERE object_type = 'RectificationCase' AND object_id IN (:a, :b) ORDER BY id
                        """).param("a", Long.toString(relocation.id())).param("b", Long.toString(shutdown.id()))
                .query(String.class).list()).contains("CASE_REMINDED", "CASE_ESCALATED", "CASE_OVERDUE");
    }
}
