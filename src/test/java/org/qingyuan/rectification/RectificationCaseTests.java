package org.qingyuan.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

class RectificationCaseTests {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);
    static final ResponsiblePersons PERSONS = new ResponsiblePersons("410108001", "410108001001", "ENVIRONMENT", "张三", "13800000000");

    static RectificationCase shutdown() {
        return RectificationCase.open(1, "410108001001", MeasureKind.SHUTDOWN, "关停取缔", null, DEADLINE, PERSONS, "town", NOW);
    }

    static void clearAll(RectificationCase c, String by) {
        for (Requirement r : c.requirements()) {
            c.recordItem(r, by, NOW, "已完成", List.of(10L + r.ordinal()), r.needsUtilityConfirmation() ? 99L : null, List.of());
        }
    }

    @Test
    void aShutdownNeedsTheFiveItemsOfTwoCutsThreeClearances() {
        assertThat(shutdown().requirements()).containsExactly(Requirement.CUT_WATER, Requirement.CUT_POWER,
                Requirement.CLEAR_MATERIALS, Requirement.CLEAR_PRODUCTS, Requirement.CLEAR_EQUIPMENT);
    }

    @Test
    void aFullShutdownGoesFromRegisteredToClosedOut() {
        var c = shutdown();
        assertThat(c.state()).isEqualTo(CaseState.REGISTERED);
        clearAll(c, "grid");
        assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(c.progressLabel()).isEqualTo("正在拆除");
        c.submitForAcceptance("grid", NOW);
        c.accept("env-dept", "现场核查：设备已拆除，水电已断", NOW);
        c.closeOut("town", LocalDate.of(2026, 12, 1), NOW);
        assertThat(c.state()).isEqualTo(CaseState.CLOSED_OUT);
        assertThat(c.closedOutOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(c.newSteps()).extracting(CaseStep::kind).containsSubsequence("OPENED", "ITEM_RECORDED",
                "SUBMITTED_FOR_ACCEPTANCE", "ACCEPTED", "CLOSED_OUT");
    }

    @Test
    void closeOutNeedsAllFiveClearancesAndNamesTheMissingOne() {
        var c = shutdown();
        for (Requirement r : List.of(Requirement.CUT_WATER, Requirement.CLEAR_MATERIALS, Requirement.CLEAR_PRODUCTS,
                Requirement.CLEAR_EQUIPMENT)) {
            c.recordItem(r, "grid", NOW, null, List.of(1L), r.needsUtilityConfirmation() ? 2L : null, List.of());
        }
        assertThatThrownBy(() -> c.submitForAcceptance("grid", NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("断电");
        assertThatThrownBy(() -> c.closeOut("town", LocalDate.now(), NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("缺少“断电”");
        assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
    }

    @Test
    void cuttingPowerNeedsTheUtilitysConfirmation() {
        var c = shutdown();
        assertThatThrownBy(() -> c.recordItem(Requirement.CUT_POWER, "grid", NOW, null, List.of(1L), null, List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("确认文件");
        assertThatThrownBy(() -> c.recordItem(Requirement.CLEAR_MATERIALS, "grid", NOW, null, List.of(), null, List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("证据");
    }

    @Test
    void theAcceptorMustNotHaveRecordedAnyOfTheWork() {
        var c = shutdown();
        clearAll(c, "grid");
        c.submitForAcceptance("grid", NOW);
        assertThatThrownBy(() -> c.accept("grid", "看过了", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("双人复核");
        assertThat(c.state()).isEqualTo(CaseState.AWAITING_ACCEPTANCE);
    }

    @Test
    void flaggedEvidenceBlocksCloseOutUntilASecondPersonReviewsIt() {
        var c = shutdown();
        clearAll(c, "grid");
        c.recordItem(Requirement.CLEAR_EQUIPMENT, "grid", NOW, null, List.of(5L), null, List.of("照片拍摄地点距企业 2.3 公里"));
        assertThatThrownBy(() -> c.submitForAcceptance("grid", NOW)).hasMessageContaining("证据待复核");
        assertThatThrownBy(() -> c.reviewFlags(Requirement.CLEAR_EQUIPMENT, "grid", NOW)).hasMessageContaining("记录人以外");
        c.reviewFlags(Requirement.CLEAR_EQUIPMENT, "village", NOW);
        c.submitForAcceptance("grid", NOW);
        assertThat(c.state()).isEqualTo(CaseState.AWAITING_ACCEPTANCE);
    }

    @Test
    void illegalTransitionsChangeNothing() {
        var c = shutdown();
        assertThatThrownBy(() -> c.accept("env-dept", "记录", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.reopen("town", "反弹", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.recordItem(Requirement.APPROVALS_OBTAINED, "grid", NOW, null, List.of(1L), null, List.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("不要求");
        assertThat(c.state()).isEqualTo(CaseState.REGISTERED);
        assertThat(c.items()).isEmpty();
    }

    @Test
    void jointEnforcementComesOnlyAfterTheDeadlineWithSeveralDepartments() {
        var c = shutdown();
        var action = new JointEnforcement(DEADLINE.plusDays(3), List.of("ENVIRONMENT", "POWER_SUPPLY", "MARKET_REGULATION"),
                "强制断电并拆除设备", "town");
        assertThatThrownBy(() -> c.recordJointEnforcement(action, DEADLINE, NOW)).hasMessageContaining("期限");
        assertThatThrownBy(() -> c.recordJointEnforcement(new JointEnforcement(DEADLINE.plusDays(3), List.of("ENVIRONMENT"),
                null, "town"), DEADLINE.plusDays(3), NOW)).hasMessageContaining("两个部门");
        c.recordJointEnforcement(action, DEADLINE.plusDays(3), NOW);
        assertThat(c.enforcements()).hasSize(1);
    }

    @Test
    void anOverdueRelocationEscalatesToShutdown() {
        var c = RectificationCase.open(2, "410108001001", MeasureKind.RELOCATE, "搬迁改造", null, DEADLINE, PERSONS, "town", NOW);
        c.recordItem(Requirement.PRODUCTION_STOPPED, "grid", NOW, null, List.of(1L), null, List.of());
        assertThatThrownBy(() -> c.escalate(MeasureKind.SHUTDOWN, "关停取缔", null, DEADLINE.plusMonths(1), DEADLINE, NOW))
                .hasMessageContaining("期限未到");
        c.escalate(MeasureKind.SHUTDOWN, "关停取缔", null, DEADLINE.plusMonths(1), DEADLINE.plusDays(1), NOW);
        assertThat(c.state()).isEqualTo(CaseState.ESCALATED);
        assertThat(c.measure()).isEqualTo(MeasureKind.SHUTDOWN);
        assertThat(c.missingItems()).hasSize(5);
        assertThat(c.overdue(DEADLINE.plusDays(2))).isFalse();
    }

    @Test
    void aClosedCaseReopensOnAReboundAndMustBeDoneAgain() {
        var c = shutdown();
        clearAll(c, "grid");
        c.submitForAcceptance("grid", NOW);
        c.accept("env-dept", "合格", NOW);
        c.closeOut("town", LocalDate.of(2026, 12, 1), NOW);
        c.reopen("supervisor", "回头看发现死灰复燃", NOW);
        assertThat(c.state()).isEqualTo(CaseState.REOPENED);
        assertThat(c.missingItems()).hasSize(5);
        assertThat(c.closedOutOn()).isNull();
    }
}
