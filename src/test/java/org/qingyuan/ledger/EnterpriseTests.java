package org.qingyuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;

/** The rules the {@link Enterprise} aggregate guards by itself, and what its commands collect; no database. */
class EnterpriseTests {

    static final DivisionCode VILLAGE = DivisionCode.of("410108001001");
    static final Enterprise.Stamp STAMP = new Enterprise.Stamp(Instant.parse("2026-12-05T02:00:00Z"), "wang", "王科长");

    static EnterpriseDetails details(String name, String address, Facts facts) {
        return new EnterpriseDetails(new Identity(name, null, null, null, null), new Place(VILLAGE, address, null, null), null,
                facts, new Campaign(EnterpriseType.SLW, Discovery.IMPORT, LocalDate.of(2026, 11, 2), null));
    }

    static Enterprise active(long id, EnterpriseDetails details) {
        return new Enterprise(new EnterpriseId(id), details, false, EnterpriseStatus.ACTIVE, null, null, 3,
                STAMP.at(), "li", STAMP.at(), "li");
    }

    @Test
    void aRegistrationStartsAtVersionOneWithItsFirstVersionAndEvent() {
        Enterprise e = Enterprise.register(new EnterpriseId(7), details("常庄砖厂", "常庄村东", Facts.NONE), false, "普查登记",
                name -> name, STAMP);

        assertThat(e.version()).isEqualTo(1);
        assertThat(e.active()).isTrue();
        assertThat(e.revisions()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(VersionAction.REGISTERED);
            assertThat(r.reason()).isEqualTo("普查登记");
            assertThat(r.changes()).extracting(FieldChange::field).contains("name", "address");
        });
        assertThat(e.events()).singleElement().isInstanceOf(EnterpriseRegistered.class);
    }

    @Test
    void anEditRecordsWhatChangedAndPublishesTheChangedFacts() {
        Enterprise e = active(7, details("常庄砖厂", "常庄村东", Facts.NONE));
        Facts facts = new Facts(Map.of(Fact.HAS_FIRE_APPROVAL, new FactValue(false, FactSource.INSPECTION, LocalDate.of(2026, 11, 2))));

        var changes = e.edit(3, details("常庄砖厂", "常庄村西", facts), false, "核实地址", name -> name, STAMP);

        assertThat(changes).extracting(FieldChange::field).containsExactly("address", "facts." + Fact.HAS_FIRE_APPROVAL.jsonName());
        assertThat(e.version()).isEqualTo(4);
        assertThat(e.updatedBy()).isEqualTo("wang");
        assertThat(e.revisions()).singleElement().extracting(Enterprise.Revision::action).isEqualTo(VersionAction.EDITED);
        assertThat(e.events()).hasSize(2);
        assertThat(e.events().get(0)).isInstanceOfSatisfying(EnterpriseEdited.class, ev -> assertThat(ev.version()).isEqualTo(4));
        assertThat(e.events().get(1)).isInstanceOfSatisfying(EnterpriseFactsChanged.class,
                ev -> assertThat(ev.changed()).containsExactly(Fact.HAS_FIRE_APPROVAL.jsonName()));
    }

    @Test
    void anEditWithoutChangesLeavesNoTrace() {
        Enterprise e = active(7, details("常庄砖厂", "常庄村东", Facts.NONE));

        assertThat(e.edit(3, details("常庄砖厂", "常庄村东", Facts.NONE), false, "核实", name -> name, STAMP)).isEmpty();
        assertThat(e.version()).isEqualTo(3);
        assertThat(e.revisions()).isEmpty();
        assertThat(e.events()).isEmpty();
    }

    @Test
    void anEditOfAnOlderVersionOrWithoutReasonIsRefused() {
        Enterprise e = active(7, details("常庄砖厂", "常庄村东", Facts.NONE));

        assertThatThrownBy(() -> e.edit(2, details("常庄砖厂", "村西", Facts.NONE), false, "核实", n -> n, STAMP))
                .isInstanceOfSatisfying(Enterprise.StaleVersion.class, s -> {
                    assertThat(s.current()).isEqualTo(3);
                    assertThat(s.edited()).isEqualTo(2);
                });
        assertThatThrownBy(() -> e.edit(3, details("常庄砖厂", "村西", Facts.NONE), false, " ", n -> n, STAMP))
                .isInstanceOf(InvalidInputException.class);
        assertThat(e.version()).isEqualTo(3);
    }

    @Test
    void aWithdrawnEnterpriseNoLongerChanges() {
        Enterprise e = active(7, details("常庄砖厂", "常庄村东", Facts.NONE));
        e.withdraw(3, WithdrawalReason.ENTERED_IN_ERROR, "误录", STAMP);

        assertThat(e.active()).isFalse();
        assertThat(e.withdrawal().reason()).isEqualTo(WithdrawalReason.ENTERED_IN_ERROR);
        assertThat(e.events()).singleElement().isInstanceOf(EnterpriseWithdrawn.class);
        assertThatThrownBy(() -> e.edit(4, details("常庄砖厂", "村西", Facts.NONE), false, "核实", n -> n, STAMP))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已撤销");
        assertThatThrownBy(() -> e.withdraw(null, WithdrawalReason.ENTERED_IN_ERROR, null, STAMP)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aMergeFillsTheSurvivorAndWithdrawsTheDuplicateIntoIt() {
        Enterprise survivor = active(7, details("常庄砖厂", null, Facts.NONE));
        Enterprise duplicate = active(9, details("常庄砖瓦厂", "常庄村东", new Facts(Map.of(Fact.HAS_FIRE_APPROVAL, new FactValue(true, FactSource.INSPECTION, LocalDate.of(2026, 11, 2))))));

        var changes = survivor.absorb(duplicate, "同一地址", n -> n, STAMP);

        assertThat(changes).extracting(FieldChange::field).contains("address", "mergedFrom");
        assertThat(survivor.details().place().address()).isEqualTo("常庄村东");
        assertThat(survivor.revisions()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(VersionAction.MERGED);
            assertThat(r.reason()).isEqualTo("与 #9（常庄砖瓦厂）为同一企业，合并：同一地址");
        });
        assertThat(duplicate.active()).isFalse();
        assertThat(duplicate.mergedInto()).isEqualTo(new EnterpriseId(7));
        assertThat(duplicate.revisions()).singleElement().extracting(Enterprise.Revision::action)
                .isEqualTo(VersionAction.MERGED_AWAY);
        assertThat(survivor.events()).first().isInstanceOf(EnterprisesMerged.class);
        assertThatThrownBy(() -> survivor.absorb(survivor, null, n -> n, STAMP)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> survivor.absorb(duplicate, null, n -> n, STAMP)).isInstanceOf(ConflictException.class);
    }

    @Test
    void confirmingTwoEnterprisesDistinctAddsAVersionToBoth() {
        Enterprise one = active(7, details("常庄砖厂", null, Facts.NONE));
        Enterprise two = active(9, details("常庄砖瓦厂", null, Facts.NONE));

        one.confirmDistinct(two, "法人不同", STAMP);

        assertThat(one.version()).isEqualTo(4);
        assertThat(two.version()).isEqualTo(4);
        assertThat(two.revisions()).singleElement().extracting(Enterprise.Revision::reason)
                .isEqualTo("与 #7（常庄砖厂）不是同一企业：法人不同");
        assertThat(one.events()).isEmpty();
    }
}
