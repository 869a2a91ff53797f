package org.qingyuan.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

/** The complaint's own rules, without a database: the order of its states, what each step needs, how a reporter is masked. */
class ComplaintRulesTests {

    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    static Complaint received() {
        return new Complaint(1, "JB-23456-789AB", Channel.WEB, null, ServiceKind.SLW, "喷漆", "某村", null, null, "410108", "410108",
                ComplaintState.RECEIVED, null, null, null, NOW, "system", null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, true, null, NOW, 0);
    }

    @Test
    void aComplaintCannotSkipTheSiteCheckOrBeAnsweredBeforeItIsDecided() {
        Complaint c = received();
        assertThatThrownBy(() -> c.assigned(LocalDate.of(2026, 12, 12), "5个工作日", NOW)).isInstanceOf(ConflictException.class);
        Complaint assigned = c.triaged("410108001", null, NOW).assigned(LocalDate.of(2026, 12, 12), "5个工作日", NOW);
        assertThatThrownBy(() -> assigned.foundedAt(1L, null, null, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> assigned.replied("答复", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> assigned.verified(NOW, null, null, null)).isInstanceOf(InvalidInputException.class);
        Complaint verified = assigned.verified(NOW, 113.6, 34.8, null);
        assertThat(verified.version()).isEqualTo(3);
        assertThatThrownBy(() -> verified.unfoundedAt(" ", NOW)).isInstanceOf(InvalidInputException.class);
        Complaint replied = verified.unfoundedAt("合法企业", NOW).replied("经核查不属实", NOW);
        assertThatThrownBy(() -> replied.rated(6, null, NOW)).isInstanceOf(InvalidInputException.class);
        assertThat(replied.rated(5, " ", NOW).state()).isEqualTo(ComplaintState.RATED);
    }

    @Test
    void anAssignedComplaintIsOverdueTheDayAfterItsDeadlineUntilItIsDecided() {
        Complaint assigned = received().triaged("410108001", null, NOW).assigned(LocalDate.of(2026, 12, 12), "5个工作日", NOW);
        assertThat(assigned.overdue(LocalDate.of(2026, 12, 12))).isFalse();
        assertThat(assigned.overdue(LocalDate.of(2026, 12, 13))).isTrue();
        Complaint decided = assigned.verified(NOW, 113.6, 34.8, null).foundedAt(null, 7L, null, NOW);
        assertThat(decided.overdue(LocalDate.of(2026, 12, 13))).isFalse();
    }

    @Test
    void aReporterIsMaskedAsOfficialsExpect() {
        Reporter masked = new Reporter("王小明", "138 1234 5678", "410108199001011234").masked();
        assertThat(masked.phone()).isEqualTo("138****5678");
        assertThat(masked.name()).isEqualTo("王**");
        assertThat(masked.idNumber()).isEqualTo("4101**********1234");
        assertThat(Reporter.maskPhone("12369")).isEqualTo("****");
        assertThat(new Reporter(" ", null, "").empty()).isTrue();
    }
}
