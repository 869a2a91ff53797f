package org.qingyuan.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

class PatrolTests {

    static final Instant NIGHT = Instant.parse("2026-12-05T14:00:00Z");

    @Test
    void aNightPatrolWithOnePersonIsRefused() {
        assertThatThrownBy(() -> Patrol.start(PatrolKind.NIGHT, "410108001", null, null, "王立民", List.of(), "town", NIGHT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("至少两人")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("participants");
        // the leader named twice is still one person
        assertThatThrownBy(() -> Patrol.start(PatrolKind.NIGHT, "410108001", null, null, "王立民", List.of(" 王立民 "), "town", NIGHT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("只有 1 人");
    }

    @Test
    void aNightPatrolWithoutItsLeadingOfficialIsRefused() {
        assertThatThrownBy(() -> Patrol.start(PatrolKind.NIGHT, "410108001", null, null, " ", List.of("张健", "岳桂冬"), "town", NIGHT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("带班领导")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("leader");
    }

    @Test
    void aNightPatrolCountsItsLeaderAmongTwoOrMore() {
        Patrol p = Patrol.start(PatrolKind.NIGHT, "410108001", null, 7L, "王立民", List.of("张健"), "town", NIGHT);
        assertThat(p.participants()).containsExactly("王立民", "张健");
        assertThat(p.leader()).isEqualTo("王立民");
        assertThat(p.underWay()).isTrue();
    }

    @Test
    void aDayPatrolNeedsOnlyItsGridMember() {
        Patrol p = Patrol.start(PatrolKind.DAY, "410108001001", 3L, null, null, List.of("金河村网格员"), "grid", NIGHT);
        assertThat(p.participants()).containsExactly("金河村网格员");
        assertThatThrownBy(() -> Patrol.start(PatrolKind.DAY, "410108001001", 3L, null, null, List.of(), "grid", NIGHT))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anEndedPatrolTakesNoCheckInAndEndsOnce() {
        Patrol p = Patrol.start(PatrolKind.DAY, "410108001001", 3L, null, null, List.of("网格员"), "grid", NIGHT);
        p.end(NIGHT.plusSeconds(3600));
        assertThat(p.endedAt()).isEqualTo(NIGHT.plusSeconds(3600));
        assertThatThrownBy(p::requireUnderWay).isInstanceOf(ConflictException.class).hasMessageContaining("已结束");
        assertThatThrownBy(() -> p.end(NIGHT.plusSeconds(7200))).isInstanceOf(ConflictException.class);
    }
}
