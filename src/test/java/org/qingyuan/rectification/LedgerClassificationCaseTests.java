package org.qingyuan.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The ledger's own classification (no test-published events) opens, realigns and withdraws the case. */
@SpringBootTest
class LedgerClassificationCaseTests {

    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));
    static final DivisionCode JINHE = DivisionCode.of("410108001001");

    @Autowired Ledger ledger;
    @Autowired Cases cases;

    static Facts facts(boolean conformsToPlanning, boolean hasEia) {
        Map<Fact, FactValue> facts = new EnumMap<>(Fact.class);
        LocalDate asOf = LocalDate.of(2026, 3, 1);
        facts.put(Fact.CONFORMS_TO_PLANNING, new FactValue(conformsToPlanning, FactSource.INSPECTION, asOf));
        facts.put(Fact.HAS_EIA_APPROVAL, new FactValue(hasEia, FactSource.INSPECTION, asOf));
        for (Fact fact : List.of(Fact.HAS_FIRE_APPROVAL, Fact.HAS_PLANNING_APPROVAL, Fact.HAS_BUSINESS_LICENCE)) {
            facts.put(fact, new FactValue(true, FactSource.INSPECTION, asOf));
        }
        for (Fact fact : List.of(Fact.EMISSIONS_OVER_STANDARD, Fact.HAS_ILLEGAL_BUILDINGS, Fact.HAS_SAFETY_HAZARD)) {
            facts.put(fact, new FactValue(false, FactSource.INSPECTION, asOf));
        }
        return new Facts(facts);
    }

    @Test
    void registrationOpensTheCaseAnEditRealignsItAndAWithdrawalWithdrawsIt() {
        EnterpriseId id = ledger.register(new EnterpriseDetails(
                new EnterpriseDetails.Identity("台账分类测试服装厂" + System.nanoTime(), null, null, null, null),
                new EnterpriseDetails.Place(JINHE, null, 113.62, 34.85),
                new EnterpriseDetails.Business(Industry.GARMENT, null, null, null, null, null, null, null, null, null),
                facts(true, false), new EnterpriseDetails.Campaign(EnterpriseType.SLW, Discovery.PATROL, LocalDate.of(2026, 2, 1), null)),
                null, DISTRICT).id();
        CaseSummary opened = cases.ofEnterprise(id.value(), DISTRICT).orElseThrow();
        assertThat(opened.measure()).isEqualTo(MeasureKind.REMEDIATE);
        assertThat(opened.measureName()).isEqualTo("补办手续");

        Enterprise e = ledger.get(id, DISTRICT);
        ledger.edit(id, e.version(), e.details().withFacts(facts(false, false)), "复核：不符合产业布局规划", DISTRICT);
        CaseView realigned = cases.get(opened.id(), DISTRICT);
        assertThat(realigned.rectificationCase().measure()).isEqualTo(MeasureKind.SHUTDOWN);
        assertThat(realigned.rectificationCase().requirements()).hasSize(5);

        ledger.withdraw(id, null, WithdrawalReason.OUT_OF_SCOPE, "核查后不属于整治范围", DISTRICT);
        assertThat(cases.get(opened.id(), DISTRICT).rectificationCase().state()).isEqualTo(CaseState.WITHDRAWN);
    }
}
