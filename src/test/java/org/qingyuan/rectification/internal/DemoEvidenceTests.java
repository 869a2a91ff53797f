package org.qingyuan.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.qingyuan.rectification.Requirement;

/** The demo's photos pass the evidence check at any hour, also just after midnight in China. */
class DemoEvidenceTests {

    @Test
    void aPhotoTakenJustAfterMidnightInChinaIsNotDatedTheDayBeforeTheCaseOpened() {
        Instant opened = Instant.parse("2026-12-06T16:04:00Z"); // 00:04 on 7 December in China
        Instant now = opened.plusSeconds(5);
        for (Requirement r : Requirement.values()) {
            Instant taken = DemoEvidence.takenAt(now, opened, r);
            assertThat(taken).isBetween(opened, now);
            assertThat(taken.atZone(EvidenceCheck.CHINA).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 7));
        }
    }

    @Test
    void aPhotoOfACaseOpenedLongAgoIsTakenMinutesBeforeItIsRecorded() {
        Instant now = Instant.parse("2026-12-06T08:00:00Z");
        assertThat(DemoEvidence.takenAt(now, now.minusSeconds(86_400), Requirement.CUT_WATER))
                .isEqualTo(now.minusSeconds(60L * (20 + Requirement.CUT_WATER.ordinal())));
    }
}
