package org.qingyuan.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.FieldChange;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Premises;
import org.qingyuan.shared.DivisionCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Setting an enterprise back to an earlier version: every field of the forms, from the changes the versions store. */
class EnterpriseReversalTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static EnterpriseDetails before() {
        Map<Fact, FactValue> facts = new EnumMap<>(Fact.class);
        for (Fact f : Fact.values()) {
            facts.put(f, new FactValue(f.ordinal() % 2 == 0, null, null));
        }
        return new EnterpriseDetails(new Identity("旧名称加工厂", "91410108MA40000000", "张三", "李四", "13800000001"),
                new Place(DivisionCode.of("410108001001"), "旧地址", 113.6, 34.8),
                new Business(Industry.CASTING, true, false, "旧产品", "旧原料", "旧设备", 12, new BigDecimal("35.5"), Premises.RENTED, "王房东"),
                new Facts(facts), new Campaign(EnterpriseType.SLW, Discovery.PATROL, LocalDate.of(2026, 3, 1), "旧备注"));
    }

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

    @Test
    void everyFieldOfTheFormsCanBeSetBack() {
        for (String field : EnterpriseFields.LABELS.keySet()) {
            assertThat(field.startsWith("facts.") || EnterpriseReversal.FIELDS.contains(field))
                    .as("%s must be reversible: add it to EnterpriseReversal", field).isTrue();
        }
        EnterpriseDetails before = before();
        EnterpriseDetails after = after();
        Map<String, JsonNode> old = new HashMap<>();
        for (FieldChange c : EnterpriseFields.diff(before, after)) {
            old.put(c.field(), JSON.valueToTree(c.oldValue()));
        }
        assertThat(old.keySet()).as("the two versions differ in every field").containsAll(EnterpriseReversal.FIELDS);
        assertThat(EnterpriseFields.flatten(EnterpriseReversal.revert(after, old))).isEqualTo(EnterpriseFields.flatten(before));
    }

    @Test
    void fieldsNotChangedSinceStayAsTheyAre() {
        EnterpriseDetails after = after();
        Map<String, JsonNode> old = new HashMap<>();
        old.put("name", JSON.valueToTree("当时的名称"));
        EnterpriseDetails reverted = EnterpriseReversal.revert(after, old);
        assertThat(reverted.identity().name()).isEqualTo("当时的名称");
        assertThat(reverted.place()).isEqualTo(after.place());
        assertThat(reverted.campaign()).isEqualTo(after.campaign());
    }
}
