package org.qingyuan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DivisionCodeTests {

    @Test
    void levelFollowsTheNumberOfDigits() {
        assertThat(DivisionCode.of("41").level()).isEqualTo(DivisionLevel.PROVINCE);
        assertThat(DivisionCode.of("4101").level()).isEqualTo(DivisionLevel.CITY);
        assertThat(DivisionCode.of("410108").level()).isEqualTo(DivisionLevel.COUNTY);
        assertThat(DivisionCode.of("410108001").level()).isEqualTo(DivisionLevel.TOWN);
        assertThat(DivisionCode.of("410108001001").level()).isEqualTo(DivisionLevel.VILLAGE);
    }

    @Test
    void parentIsTheNextShorterPrefix() {
        assertThat(DivisionCode.of("410108001001").parent()).isEqualTo(DivisionCode.of("410108001"));
        assertThat(DivisionCode.of("410108001").parent()).isEqualTo(DivisionCode.of("410108"));
        assertThat(DivisionCode.of("410108").parent()).isEqualTo(DivisionCode.of("4101"));
        assertThat(DivisionCode.of("4101").parent()).isEqualTo(DivisionCode.of("41"));
        assertThat(DivisionCode.of("41").parent()).isNull();
    }

    @Test
    void paddedTwelveDigitFormIsShortenedToTheSignificantCode() {
        assertThat(DivisionCode.of("410108001000")).isEqualTo(DivisionCode.of("410108001"));
        assertThat(DivisionCode.of("410108000000")).isEqualTo(DivisionCode.of("410108"));
        assertThat(DivisionCode.of("410100000000")).isEqualTo(DivisionCode.of("4101"));
        assertThat(DivisionCode.of("410000000000")).isEqualTo(DivisionCode.of("41"));
        assertThat(DivisionCode.of(" 410108001001 ").padded()).isEqualTo("410108001001");
        assertThat(DivisionCode.of("410108").padded()).isEqualTo("410108000000");
    }

    @Test
    void containsIsThePrefixTest() {
        DivisionCode town = DivisionCode.of("410108001");
        assertThat(town.contains(DivisionCode.of("410108001001"))).isTrue();
        assertThat(town.contains(town)).isTrue();
        assertThat(town.contains(DivisionCode.of("410108002001"))).isFalse();
        assertThat(town.contains(DivisionCode.of("410108"))).isFalse();
    }

    @Test
    void malformedCodesAreRejectedWithAChineseMessage() {
        assertThatThrownBy(() -> DivisionCode.of("41010")).hasMessageContaining("区划代码");
        assertThatThrownBy(() -> DivisionCode.of("41a108")).hasMessageContaining("区划代码");
        assertThatThrownBy(() -> DivisionCode.of("")).hasMessageContaining("区划代码");
        assertThatThrownBy(() -> DivisionCode.of(null)).hasMessageContaining("区划代码");
        assertThat(DivisionCode.isValid("4101080010011")).isFalse();
    }
}
