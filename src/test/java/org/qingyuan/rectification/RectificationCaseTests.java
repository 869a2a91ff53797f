package org.qingyuan.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.policy.Clearance;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

class RectificationCaseTests {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);
    static final ResponsiblePersons PERSONS = new ResponsiblePersons("410108001", "410108001001", "ENVIRONMENT", "张三", "13800000000");

    static MeasurePlan plan(MeasureKind kind, String name, LocalDate deadline, List<EscalationRule> escalations) {
        DeadlineKind main = switch (kind) {
            case SHUTDOWN -> DeadlineKind.BAN;
            case RELOCATE -> DeadlineKind.RELOCATE;
            default -> DeadlineKind.OBTAIN_APPROVALS;
        };
        return new MeasurePlan(kind, name, Requirements.defaultFor(kind), deadline,
                List.of(new CaseDeadline(main, main.label(), deadline, "测试", null)), escalations, "test", 1);
    }

    static RectificationCase shutdown() {
        return RectificationCase.open(1, "410108001001", plan(MeasureKind.SHUTDOWN, "关停取缔", DEADLINE, List.of()), PERSONS, "town", NOW);
    }

    static void clearAll(RectificationCase c, String by) {
        for (Requirement r : c.requirements()) {
            c.recordItem(r, by, NOW, "已完成", List.of(10L + r.ordinal()), r.needsUtilityConfirmation() ? 99L : null, null, List.of());
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
        assertThat(c.newSteps()).extracting(step -> step.kind().name()).containsSubsequence("OPENED", "ITEM_RECORDED",
                "SUBMITTED_FOR_ACCEPTANCE", "ACCEPTED", "CLOSED_OUT");
    }

    @Test
    void closeOutNeedsAllFiveClearancesAndNamesTheMissingOne() {
        var c = shutdown();
        for (Requirement r : List.of(Requirement.CUT_WATER, Requirement.CLEAR_MATERIALS, Requirement.CLEAR_PRODUCTS,
                Requirement.CLEAR_EQUIPMENT)) {
            c.recordItem(r, "grid", NOW, null, List.of(1L), r.needsUtilityConfirmation() ? 2L : null, null, List.of());
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
        assertThatThrownBy(() -> c.recordItem(Requirement.CUT_POWER, "grid", NOW, null, List.of(1L), null, null, List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("确认文件");
        assertThatThrownBy(() -> c.recordItem(Requirement.CLEAR_MATERIALS, "grid", NOW, null, List.of(), null, null, List.of()))
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
        c.recordItem(Requirement.CLEAR_EQUIPMENT, "grid", NOW, null, List.of(5L), null, null, List.of("照片拍摄地点距企业 2.3 公里"));
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
        assertThatThrownBy(() -> c.recordItem(Requirement.APPROVALS_OBTAINED, "grid", NOW, null, List.of(1L), null, null, List.of()))
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
    void anOverdueRelocationEscalatesToShutdownOnceByThePolicysRule() {
        var rule = new EscalationRule(DeadlineKind.RELOCATE, "逾期未能迁入工业园区", MeasureKind.SHUTDOWN, "关停取缔",
                List.of(Clearance.CUT_WATER, Clearance.CUT_POWER, Clearance.CLEAR_MATERIALS, Clearance.CLEAR_PRODUCTS,
                        Clearance.CLEAR_EQUIPMENT));
        var c = RectificationCase.open(2, "410108001001", plan(MeasureKind.RELOCATE, "搬迁入园", DEADLINE, List.of(rule)),
                PERSONS, "town", NOW);
        c.recordItem(Requirement.PRODUCTION_STOPPED, "grid", NOW, null, List.of(1L), null, null, List.of());
        assertThat(c.dueEscalations(DEADLINE)).isEmpty();
        var shutdown = plan(MeasureKind.SHUTDOWN, "关停取缔", DEADLINE.plusMonths(1), List.of());
        assertThatThrownBy(() -> c.escalate(rule, shutdown, DEADLINE, NOW)).hasMessageContaining("期限未过");
        assertThat(c.dueEscalations(DEADLINE.plusDays(1))).containsExactly(rule);
        c.escalate(rule, shutdown, DEADLINE.plusDays(1), NOW);
        assertThat(c.state()).isEqualTo(CaseState.ESCALATED);
        assertThat(c.measure()).isEqualTo(MeasureKind.SHUTDOWN);
        assertThat(c.missingItems()).hasSize(5);
        assertThat(c.overdue(DEADLINE.plusDays(2))).isFalse();
        assertThat(c.dueEscalations(DEADLINE.plusMonths(3))).isEmpty();
    }

    @Test
    void overdueIsMarkedOnceAndLiftedByANewDeadline() {
        var c = shutdown();
        assertThat(c.markOverdue(DEADLINE, NOW)).isFalse();
        assertThat(c.markOverdue(DEADLINE.plusDays(1), NOW)).isTrue();
        assertThat(c.markOverdue(DEADLINE.plusDays(2), NOW)).isFalse();
        assertThat(c.overdueSince()).isEqualTo(DEADLINE.plusDays(1));
        c.setDeadline(DEADLINE.plusMonths(1), "责令限期通知书〔2026〕12号", "town", NOW);
        assertThat(c.overdueSince()).isNull();
        assertThat(c.overdue(DEADLINE.plusDays(2))).isFalse();
    }

    @Test
    void aRealignedCaseKeepsTheItemsTheNewMeasureStillNeeds() {
        var c = RectificationCase.open(3, "410108001001", plan(MeasureKind.RELOCATE, "搬迁入园", DEADLINE, List.of()),
                PERSONS, "town", NOW);
        c.recordItem(Requirement.POWER_CANCELLED, "grid", NOW, null, List.of(1L), 2L, null, List.of());
        c.recordItem(Requirement.PRODUCTION_STOPPED, "grid", NOW, null, List.of(1L), null, null, List.of());
        var remediation = new MeasurePlan(MeasureKind.REMEDIATE, "补办手续", List.of(Requirement.APPROVALS_OBTAINED),
                DEADLINE, List.of(), List.of(), "test", 1);
        c.realign(remediation, "district", "一企一策调整", NOW);
        assertThat(c.items()).isEmpty();
        assertThat(c.requirements()).containsExactly(Requirement.APPROVALS_OBTAINED);
        assertThatThrownBy(() -> c.recordItem(Requirement.APPROVALS_OBTAINED, "grid", NOW, null, List.of(1L), null,
                new Permit("排污许可证", null, null), List.of())).hasMessageContaining("文号");
        c.recordItem(Requirement.APPROVALS_OBTAINED, "grid", NOW, null, List.of(1L), null,
                new Permit("排污许可证", "91410108MA0001", LocalDate.of(2026, 11, 20)), List.of());
        assertThat(c.missingItems()).isEmpty();
        assertThat(c.progressLabel()).isEqualTo("补办手续");
    }

    @Test
    void aWithdrawnCaseTakesNoWorkAndReopensWithANewMeasure() {
        var c = shutdown();
        c.withdraw("system", "不属于整治范围", NOW);
        assertThatThrownBy(() -> c.recordItem(Requirement.CLEAR_MATERIALS, "grid", NOW, null, List.of(1L), null, null, List.of()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.withdraw("system", "再次", NOW)).isInstanceOf(ConflictException.class);
        c.realign(plan(MeasureKind.SHUTDOWN, "关停取缔", DEADLINE, List.of()), "system", "事实变更", NOW);
        assertThat(c.state()).isEqualTo(CaseState.REOPENED);
    }

    @Test
    void responsibilityStaysInsideTheEnterprisesTown() {
        var c = shutdown();
        assertThatThrownBy(() -> c.assign(new ResponsiblePersons("410108002", null, null, "李四", "13900000000"), null, "town", NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("所在的镇");
        assertThatThrownBy(() -> c.assign(new ResponsiblePersons("410108001", null, null, "李四", " "), null, "town", NOW))
                .hasMessageContaining("电话");
        c.assign(new ResponsiblePersons("410108001", "410108001001", "ENVIRONMENT", "李四", "13900000000"), "生态环境", "town", NOW);
        assertThat(c.responsible().personName()).isEqualTo("李四");
    }

    @Test
    void requirementsComeFromThePolicysMeasure() {
        assertThat(Requirements.of(MeasureKind.SHUTDOWN, List.of(Clearance.CUT_POWER, Clearance.CLEAR_EQUIPMENT)))
                .containsExactly(Requirement.CUT_POWER, Requirement.CLEAR_EQUIPMENT);
        assertThat(Requirements.of(MeasureKind.SHUTDOWN, List.of())).hasSize(5);
        assertThat(Requirements.of(MeasureKind.RELOCATE, List.of(Clearance.CUT_POWER, Clearance.CUT_WATER)))
                .containsExactly(Requirement.PRODUCTION_STOPPED, Requirement.EQUIPMENT_REMOVED, Requirement.POWER_CANCELLED,
                        Requirement.CUT_WATER);
        assertThat(Requirements.of(MeasureKind.REMEDIATE, List.of(org.qingyuan.policy.MeasureSubKind.IMPROVE), List.of(),
                List.of("整改完成后经环保部门现场监察，污染物排放稳定达标，可准予恢复生产")))
                .containsExactly(Requirement.REMEDIATION_DONE, Requirement.ENVIRONMENTAL_ACCEPTANCE);
        assertThat(Requirements.defaultFor(MeasureKind.SUPERVISE)).isEmpty();
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
