package org.qingyuan.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.FieldChange;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Premises;
import org.qingyuan.shared.DivisionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Setting an enterprise back to an earlier version, from the changes the versions store: every field the history
 * names ({@link EnterpriseFields#LABELS}, walked, so that a new field cannot be forgotten), declared facts, several
 * versions undone newest first; no database.
 */
class EnterpriseReversalTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every field set, every fact answered (alternately yes and no), one declared fact. */
    static EnterpriseDetails before() {
        Map<Fact, FactValue> facts = new EnumMap<>(Fact.class);
        for (Fact f : Fact.values()) {
            facts.put(f, new FactValue(f.ordinal() % 2 == 0, FactSource.INSPECTION, LocalDate.of(2026, 2, 1)));
        }
        return new EnterpriseDetails(new Identity("旧名称加工厂", "91410108MA40000000", "张三", "李四", "13800000001"),
                new Place(DivisionCode.of("410108001001"), "旧地址", 113.6, 34.8),
                new Business(Industry.CASTING, true, false, "旧产品", "旧原料", "旧设备", 12, new BigDecimal("35.5"), Premises.RENTED, "王房东"),
                new Facts(facts, Map.of("obsoleteCapacity", new FactValue(true, null, null))),
                new Campaign(EnterpriseType.SLW, Discovery.PATROL, LocalDate.of(2026, 3, 1), "旧备注"));
    }

    /** Every field different from {@link #before}: emptied, or another value; a third of the facts unknown, the rest turned. */
    static EnterpriseDetails after() {
        Map<Fact, FactValue> facts = new EnumMap<>(Fact.class);
        for (Fact f : Fact.values()) {
            if (f.ordinal() % 3 != 0) {
                facts.put(f, new FactValue(f.ordinal() % 2 != 0, null, null));
            }
        }
        return new EnterpriseDetails(new Identity("新名称", null, "赵六", null, "13900000002"),
                new Place(DivisionCode.of("410108002001"), "新地址", null, null),
                new Business(Industry.PRINTING, false, true, null, "新原料", null, null, null, Premises.SELF_BUILT, null),
                new Facts(facts), new Campaign(EnterpriseType.EIGHT_SMALL, Discovery.COMPLAINT, LocalDate.of(2026, 9, 1), null));
    }

    /** A version's changes as the ledger stores them and {@link JdbcHistory} reads them back (through JSON). */
    static List<FieldChange> stored(List<FieldChange> changes) {
        return JdbcHistory.changes(JSON.readTree(JSON.writeValueAsString(EnterpriseFields.asMap(changes))));
    }

    @Test
    void everyFieldTheHistoryNamesCanBeSetBackOnItsOwn() {
        Map<String, Object> old = EnterpriseFields.flatten(before());
        Map<String, Object> now = EnterpriseFields.flatten(after());
        for (String field : EnterpriseFields.LABELS.keySet()) {
            assertThat(EnterpriseReversal.settable(field)).as("%s must be reversible: add a setter to EnterpriseReversal", field).isTrue();
            assertThat(old.get(field)).as("the test's two versions differ in %s", field).isNotEqualTo(now.get(field));

            Map<String, Object> reverted = EnterpriseFields.flatten(EnterpriseReversal.with(after(), field, old.get(field)));

            Map<String, Object> expected = new LinkedHashMap<>(now);
            expected.put(field, old.get(field));
            assertThat(reverted).as("only %s set back", field).isEqualTo(expected);
        }
    }

    @Test
    void aVersionAsStoredIsUndoneToTheDetailsBeforeIt() {
        EnterpriseDetails before = before();
        List<FieldChange> changes = EnterpriseFields.diff(before, after());
        assertThat(changes).extracting(FieldChange::field).containsAll(EnterpriseFields.LABELS.keySet()).contains("facts.obsoleteCapacity");

        EnterpriseDetails undone = EnterpriseReversal.undo(after(), List.of(stored(changes)));

        assertThat(EnterpriseFields.flatten(undone)).isEqualTo(EnterpriseFields.flatten(before));
        assertThat(undone.place()).isEqualTo(before.place());
        assertThat(undone.business().outputValue()).isEqualByComparingTo("35.5");
        assertThat(undone.facts().get(Fact.HAS_FIRE_APPROVAL).source()).as("a version keeps the answer only").isNull();
    }

    @Test
    void versionsAreUndoneNewestFirstAndLifeCycleChangesAreSkipped() {
        EnterpriseDetails first = before();
        EnterpriseDetails second = EnterpriseReversal.with(EnterpriseReversal.with(first, "name", "第二个名称"), "facts.hasEiaApproval", false);
        EnterpriseDetails third = EnterpriseReversal.with(EnterpriseReversal.with(second, "name", "第三个名称"), "facts.hasEiaApproval", null);
        List<FieldChange> v2 = stored(EnterpriseFields.diff(first, second));
        List<FieldChange> v3 = new java.util.ArrayList<>(stored(EnterpriseFields.diff(second, third)));
        v3.add(new FieldChange("status", "状态", "ACTIVE", "WITHDRAWN"));
        v3.add(new FieldChange("mergedInto", "并入", null, 42));

        assertThat(EnterpriseFields.flatten(EnterpriseReversal.undo(third, List.of(v3)))).isEqualTo(EnterpriseFields.flatten(second));
        assertThat(EnterpriseFields.flatten(EnterpriseReversal.undo(third, List.of(v3, v2)))).isEqualTo(EnterpriseFields.flatten(first));
        assertThat(EnterpriseReversal.undo(third, List.of(v3, v2)).name()).isEqualTo("旧名称加工厂");
    }

    @Test
    void fieldsNotChangedSinceStayAsTheyAre() {
        EnterpriseDetails after = after();
        EnterpriseDetails reverted = EnterpriseReversal.undo(after,
                List.of(List.of(new FieldChange("name", "企业名称", "当时的名称", "新名称"))));
        assertThat(reverted.identity().name()).isEqualTo("当时的名称");
        assertThat(reverted.place()).isEqualTo(after.place());
        assertThat(reverted.business()).isEqualTo(after.business());
        assertThat(reverted.facts()).isEqualTo(after.facts());
        assertThat(reverted.campaign()).isEqualTo(after.campaign());
    }

    @Test
    void valuesAreReadAsTheVersionsStoreThem() {
        EnterpriseDetails d = after();
        assertThat(EnterpriseReversal.with(d, "employees", 7).business().employees()).isEqualTo(7);
        assertThat(EnterpriseReversal.with(d, "employees", "7").business().employees()).isEqualTo(7);
        assertThat(EnterpriseReversal.with(d, "outputValue", 12.5).business().outputValue()).isEqualByComparingTo("12.5");
        assertThat(EnterpriseReversal.with(d, "outputValue", "12.50").business().outputValue()).isEqualByComparingTo("12.5");
        assertThat(EnterpriseReversal.with(d, "longitude", 113).place().longitude()).isEqualTo(113.0);
        assertThat(EnterpriseReversal.with(d, "reportedOn", "2017-02-20").campaign().reportedOn()).isEqualTo(LocalDate.of(2017, 2, 20));
        assertThat(EnterpriseReversal.with(d, "keyIndustry", null).business().keyIndustry()).isNull();
        Map<String, FactValue> declared = new TreeMap<>(EnterpriseReversal.with(d, "facts.obsoleteCapacity", false).facts().declared());
        assertThat(declared).containsEntry("obsoleteCapacity", new FactValue(false, null, null));
        assertThat(EnterpriseReversal.with(before(), "facts.obsoleteCapacity", null).facts().declared()).isEmpty();
    }

    @Test
    void aNameThatIsNoFieldIsRefused() {
        assertThat(EnterpriseReversal.settable("status")).isFalse();
        assertThatThrownBy(() -> EnterpriseReversal.with(after(), "nickname", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nickname");
    }
}
