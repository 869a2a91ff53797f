package org.qingyuan.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.ValidationException;

/** The lead's own rules: decided once, one of three ways; a dismissal keeps its reason. */
class LeadRulesTests {

    static final Instant AT = Instant.parse("2026-12-05T02:00:00Z");

    static Lead open() {
        return new Lead(7, DivisionCode.of("410108001"), DivisionCode.of("410108001001"), Discovery.PATROL, "checkin-1", "无名喷漆点",
                null, null, null, "院内喷漆", AT, "grid", "网格员", LeadState.OPEN, null, null, null, null, 0);
    }

    @Test
    void aLeadIsDecidedOnceAndEachDecisionBumpsItsVersion() {
        Lead confirmed = open().confirmed(42, "现场属实", AT, "town");
        assertThat(confirmed.state()).isEqualTo(LeadState.CONFIRMED);
        assertThat(confirmed.enterpriseId()).isEqualTo(42);
        assertThat(confirmed.version()).isEqualTo(1);
        assertThat(confirmed.decidedBy()).isEqualTo("town");
        assertThatThrownBy(() -> confirmed.dismissed("重复", AT, "town")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("已登记入账");
        assertThatThrownBy(() -> open().dismissed("不属实", AT, "town").merged(42, null, AT, "town"))
                .isInstanceOf(ConflictException.class);
        assertThat(open().merged(9, null, AT, "town").state()).isEqualTo(LeadState.MERGED);
    }

    @Test
    void aDismissalWithoutAReasonIsRefusedByField() {
        assertThatThrownBy(() -> open().dismissed("  ", AT, "town")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(org.qingyuan.shared.FieldError::field).containsExactly("reason"));
        assertThat(open().dismissed(" 正规企业 ", AT, "town").decisionReason()).isEqualTo("正规企业");
    }
}
