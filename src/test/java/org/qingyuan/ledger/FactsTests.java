package org.qingyuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FactsTests {

    @Test
    void factNamesAreTheContractOfTheIssue() {
        assertThat(Arrays.stream(Fact.values()).map(Fact::jsonName)).containsExactly("emissionsOverStandard",
                "conformsToPlanning", "hasFireApproval", "hasEiaApproval", "hasPlanningApproval", "hasBusinessLicence",
                "hasIllegalBuildings", "hasSafetyHazard", "inDemolitionArea", "involvesWater", "involvesGas");
    }

    @Test
    void unknownFactsAreNullAndMasksSeparateYesFromNo() {
        Facts facts = new Facts(Map.of(
                Fact.HAS_FIRE_APPROVAL, new FactValue(true, FactSource.DEPARTMENT, LocalDate.of(2026, 3, 1)),
                Fact.INVOLVES_GAS, new FactValue(false, FactSource.INSPECTION, LocalDate.of(2026, 3, 1)),
                Fact.INVOLVES_WATER, FactValue.UNKNOWN));
        assertThat(facts.asBooleans()).hasSize(11).containsEntry("hasFireApproval", true).containsEntry("involvesGas", false)
                .containsEntry("involvesWater", null);
        assertThat(facts.yesMask()).isEqualTo(Fact.HAS_FIRE_APPROVAL.mask());
        assertThat(facts.noMask()).isEqualTo(Fact.INVOLVES_GAS.mask());
        assertThat(facts.values()).doesNotContainKey(Fact.INVOLVES_WATER);
    }

    @Test
    void declaredFactsAreKeptBesideTheElevenAndSurviveTheColumn() {
        FactValue yes = new FactValue(true, FactSource.DEPARTMENT, LocalDate.of(2026, 3, 5));
        Facts facts = new Facts(Map.of(Fact.HAS_EIA_APPROVAL, new FactValue(false, FactSource.INSPECTION, LocalDate.of(2026, 3, 1))))
                .with("obsoleteCapacity", yes).with("hasFireApproval", yes).with("seriousHazard", FactValue.UNKNOWN);
        assertThat(facts.declared()).containsOnlyKeys("obsoleteCapacity");
        assertThat(facts.value(Fact.HAS_FIRE_APPROVAL)).as("a standard name goes to the eleven").isTrue();
        assertThat(facts.asBooleans()).hasSize(12).containsEntry("obsoleteCapacity", true);
        assertThat(facts.yesMask()).isEqualTo(Fact.HAS_FIRE_APPROVAL.mask());
        Facts read = org.qingyuan.ledger.internal.FactsJson.read(org.qingyuan.ledger.internal.FactsJson.write(facts));
        assertThat(read).isEqualTo(facts);
        assertThat(read.get("obsoleteCapacity")).isEqualTo(yes);
    }

    @Test
    void masksAreDistinctBits() {
        assertThat(Arrays.stream(Fact.values()).mapToInt(Fact::mask).reduce(0, (a, b) -> a | b))
                .isEqualTo((1 << Fact.values().length) - 1);
    }

    @Test
    void flagsDefaultFromTheIndustry() {
        var business = new EnterpriseDetails.Business(Industry.ELECTROPLATING, null, null, null, null, null, null, null, null, null);
        assertThat(business.isEightSmall()).isTrue();
        assertThat(business.isKeyIndustry()).isFalse();
        assertThat(Industry.match("铸造车间")).contains(Industry.CASTING);
        assertThat(Industry.match("废塑料加工")).contains(Industry.WASTE_PLASTICS);
        assertThat(Industry.match("废旧塑料颗粒")).contains(Industry.WASTE_PLASTICS);
        assertThat(Industry.match("塑料制品")).contains(Industry.PLASTICS);
        assertThat(Industry.match("家具")).contains(Industry.FURNITURE);
        assertThat(Industry.match("汽车维修")).contains(Industry.AUTO_REPAIR);
        assertThat(Industry.match("干洗店")).contains(Industry.LAUNDRY);
        assertThat(Industry.match("豆腐加工")).isEmpty();
    }
}
