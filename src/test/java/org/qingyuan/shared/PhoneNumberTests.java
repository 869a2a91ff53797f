package org.qingyuan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "13812345678|13812345678|MOBILE",
            "138 1234 5678|13812345678|MOBILE",
            "+86 138-1234-5678|13812345678|MOBILE",
            "８６１３８１２３４５６７８|13812345678|MOBILE",
            "0371-63639577|0371-63639577|LANDLINE",
            "(0371)63639577|0371-63639577|LANDLINE",
            "037163639577|0371-63639577|LANDLINE",
            "010-12345678|010-12345678|LANDLINE",
            "0371-63639577-123|0371-63639577-123|LANDLINE",
            "0371-63639577转8|0371-63639577-8|LANDLINE",
            "63639577|63639577|LOCAL",
            "400-810-5888|400-810-5888|SERVICE"})
    void acceptedNumbersAreCanonical(String raw, String canonical, PhoneNumber.Kind kind) {
        PhoneNumber number = PhoneNumber.parse(raw);
        assertThat(number.value()).isEqualTo(canonical);
        assertThat(number.kind()).isEqualTo(kind);
    }

    @Test
    void wrongNumbersAreRefusedInChinese() {
        assertThatThrownBy(() -> PhoneNumber.parse("12345")).hasMessageContaining("手机号码");
        assertThatThrownBy(() -> PhoneNumber.parse("54321")).hasMessageContaining("不是有效的电话号码");
        assertThatThrownBy(() -> PhoneNumber.parse("1381234567")).hasMessageContaining("手机号码");
        assertThatThrownBy(() -> PhoneNumber.parse("12812345678")).hasMessageContaining("手机号码");
        assertThatThrownBy(() -> PhoneNumber.parse("0371-123")).hasMessageContaining("固定电话");
        assertThatThrownBy(() -> PhoneNumber.parse("电话号码")).hasMessageContaining("只能包含数字");
        assertThatThrownBy(() -> PhoneNumber.parse(" ")).hasMessageContaining("不能为空");
    }
}
