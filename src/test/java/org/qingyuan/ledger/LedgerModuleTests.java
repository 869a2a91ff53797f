package org.qingyuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditLog;
import org.qingyuan.ledger.BatchRegistration.DuplicatePolicy;
import org.qingyuan.ledger.BatchRegistration.Outcome;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;

@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class LedgerModuleTests {


    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));
    static final DivisionCode CHANGZHUANG = DivisionCode.of("410108001207");

    @Autowired
    Ledger ledger;

    @Autowired
    BatchRegistration batch;

    @Autowired
    DuplicateDetector detector;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    static EnterpriseDetails details(String name, DivisionCode division, String creditCode, String address) {
        return new EnterpriseDetails(new Identity(name, creditCode, null, null, null), new Place(division, address, null, null),
                null, Facts.NONE, new Campaign(EnterpriseType.SLW, Discovery.IMPORT, LocalDate.of(2026, 2, 1), null));
    }

    @Test
    void aBatchRegistersValidRowsReportsBadOnesAndFindsDuplicatesAmongItsRows(AssertablePublishedEvents events) {
        String tag = "T" + System.nanoTime();
        var result = batch.registerAll(List.of(
                details(tag + "常庄砖厂", CHANGZHUANG, null, "常庄村东" + tag.substring(8) + "号"),
                details("", CHANGZHUANG, null, null),
                details(tag + "常庄砖瓦作坊", CHANGZHUANG, "91110108717809965C", null),
                details(tag + "常庄 砖（加工点）", CHANGZHUANG, null, null)), DuplicatePolicy.FLAG, "导入测试", DISTRICT);

        assertThat(result.rows()).extracting(BatchRegistration.RowResult::outcome)
                .containsExactly(Outcome.REGISTERED, Outcome.INVALID, Outcome.INVALID, Outcome.REGISTERED);
        assertThat(result.rows().get(1).errors()).extracting(e -> e.field()).containsExactly("name");
        assertThat(result.rows().get(2).errors()).extracting(e -> e.field()).containsExactly("creditCode");
        var duplicates = result.rows().get(3).possibleDuplicates();
        assertThat(duplicates).hasSize(1);
        assertThat(duplicates.get(0).id()).isEqualTo(result.rows().get(0).id());
        assertThat(duplicates.get(0).batchRow()).isZero();
        assertThat(events.ofType(EnterpriseRegistered.class)
                .matching(e -> e.enterpriseId() == result.rows().get(3).id().value())).hasSize(1);
    }

    @Test
    void refreshingStatisticsCountsTheRowsOfTheCallersOwnTransaction(@Autowired org.springframework.transaction.PlatformTransactionManager txm) {
        String tag = "S" + System.nanoTime();
        new org.springframework.transaction.support.TransactionTemplate(txm).executeWithoutResult(st -> {
            batch.registerAll(java.util.stream.IntStream.range(0, 50).mapToObj(i -> details(tag + "号砖厂" + i, CHANGZHUANG, null, null))
                    .toList(), DuplicatePolicy.FLAG, "导入测试", DISTRICT);
            long rows = jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single();
            batch.refreshStatistics();
            // the planner's row count includes the 50 rows this transaction has not committed yet (exact: a table of
            // fewer than 30,000 rows is read whole)
            assertThat(rows).isLessThan(30_000);
            assertThat(jdbc.sql("SELECT reltuples::bigint FROM pg_class WHERE relname = 'enterprise'").query(Long.class).single())
                    .isEqualTo(rows);
            st.setRollbackOnly();
        });
    }

    @Test
    void skippingDuplicatesLeavesThemOutOfTheLedger() {
        String code = "914403001922038216";
        var first = batch.registerAll(List.of(details("华为测试" + System.nanoTime(), CHANGZHUANG, code, null)),
                DuplicatePolicy.FLAG, null, DISTRICT);
        var again = batch.registerAll(List.of(details("华为再导入", DivisionCode.of("410108002002"), code, null)),
                DuplicatePolicy.SKIP, null, DISTRICT);
        assertThat(again.rows().get(0).outcome()).isEqualTo(Outcome.SKIPPED_DUPLICATE);
        assertThat(again.rows().get(0).possibleDuplicates()).extracting(PossibleDuplicate::id)
                .contains(first.rows().get(0).id());
        assertThat(again.rows().get(0).possibleDuplicates().get(0).reasons()).contains(DuplicateReason.SAME_CREDIT_CODE);
    }

    @Test
    void changingAFactPublishesFactsChangedWithTheWholeSetForTheClassification(AssertablePublishedEvents events) {
        var registration = ledger.register(details("事实变更厂" + System.nanoTime(), CHANGZHUANG, null, null), null, DISTRICT);
        Enterprise e = ledger.get(registration.id(), DISTRICT);
        ledger.edit(e.id(), e.version(), e.details().withFacts(e.details().facts()
                .with(Fact.EMISSIONS_OVER_STANDARD, new FactValue(true, FactSource.DEPARTMENT, LocalDate.of(2026, 3, 2)))),
                "环保检测超标", DISTRICT);
        assertThat(events.ofType(EnterpriseFactsChanged.class).matching(c -> c.enterpriseId() == e.id().value()))
                .singleElement().satisfies(c -> {
                    assertThat(c.changed()).containsExactly("emissionsOverStandard");
                    assertThat(c.facts()).containsEntry("emissionsOverStandard", true).containsEntry("hasEiaApproval", null);
                    assertThat(c.divisionCode()).isEqualTo("410108001207");
                });
        Enterprise after = ledger.get(e.id(), DISTRICT);
        assertThat(after.details().facts().get(Fact.EMISSIONS_OVER_STANDARD).source()).isEqualTo(FactSource.DEPARTMENT);
    }

    @Test
    void everyEditIsAuditedWithOldAndNewValuesAndTheReason() {
        var registration = ledger.register(details("审计厂" + System.nanoTime(), CHANGZHUANG, null, null), null, DISTRICT);
        Enterprise e = ledger.get(registration.id(), DISTRICT);
        ledger.edit(e.id(), 1, e.details().withIdentity(new Identity(e.details().name(), null, null, "李四", null)), "补充联系人", DISTRICT);
        var records = auditLog.forObject("Enterprise", e.id().toString());
        assertThat(records).extracting(r -> r.action()).contains("ENTERPRISE_REGISTERED", "ENTERPRISE_EDITED");
        var edited = records.stream().filter(r -> r.action().equals("ENTERPRISE_EDITED")).findFirst().orElseThrow();
        assertThat(edited.reason()).isEqualTo("补充联系人");
        assertThat(edited.details()).contains("\"contactPerson\":[null,\"李四\"]");
    }

    @Test
    void historyAndEnterprisesCannotBeDeletedOrRewritten() {
        var registration = ledger.register(details("不可删除厂" + System.nanoTime(), CHANGZHUANG, null, null), null, DISTRICT);
        long id = registration.id().value();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM enterprise WHERE id = :id").param("id", id).update())
                .hasMessageContaining("不能删除");
        assertThatThrownBy(() -> jdbc.sql("UPDATE enterprise_version SET reason = 'x' WHERE enterprise_id = :id").param("id", id).update())
                .hasMessageContaining("不能删除");
    }

    @Test
    void theDetectorAnswersForANameBeforeAnythingIsRegistered() {
        String name = System.nanoTime() + "门禁检查厂";
        ledger.register(details(name, CHANGZHUANG, null, null), null, DISTRICT);
        assertThat(detector.find(details(name.replace("厂", "有限公司"), CHANGZHUANG, null, null)))
                .singleElement().satisfies(d -> assertThat(d.reasons()).containsExactly(DuplicateReason.SAME_NAME_IN_VILLAGE));
        assertThat(detector.find(details(name, DivisionCode.of("410108001206"), null, null))).isEmpty();
    }

    @Test
    void aVillageOfficerCannotRegisterInAnotherVillage() {
        Scope village = Scope.of(DivisionCode.of("410108001001"));
        assertThatThrownBy(() -> ledger.register(details("越权厂", CHANGZHUANG, null, null), null, village))
                .isInstanceOf(org.qingyuan.shared.ValidationException.class)
                .satisfies(e -> assertThat(((org.qingyuan.shared.ValidationException) e).errors())
                        .extracting(f -> f.field()).containsExactly("divisionCode"));
        assertThatThrownBy(() -> ledger.register(details("镇级厂", DivisionCode.of("410108001"), null, null), null, DISTRICT))
                .hasMessageContaining("请选择到村");
        // where villages are not loaded (outside the sample districts) the town is as far down as one can go
        assertThat(ledger.register(details("中原区厂" + System.nanoTime(), DivisionCode.of("410102001"), null, null), null,
                Scope.of(DivisionCode.of("4101"))).id()).isNotNull();
    }

    @Test
    void eventsCarryFactsByTheirJsonNames() {
        EnterpriseRegistered event = new EnterpriseRegistered(1, "410108001001", EnterpriseType.SLW, Industry.CASTING, true, false,
                Facts.NONE.with(Fact.INVOLVES_GAS, new FactValue(true, null, null)).asBooleans());
        assertThat(event.facts()).containsEntry("involvesGas", true).hasSize(Fact.values().length);
        assertThat(Map.copyOf(Map.of("a", 1))).isNotEmpty();
    }
}
