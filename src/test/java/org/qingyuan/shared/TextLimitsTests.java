package org.qingyuan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLimitsTests {

    @Test
    void eachKindOfFieldHasItsLimitAndEveryOtherTextOneToo() {
        assertThat(TextLimits.max("name")).isEqualTo(200);
        assertThat(TextLimits.max("personName")).isEqualTo(200);
        assertThat(TextLimits.max("divisionCode")).isEqualTo(64);
        assertThat(TextLimits.max("reason")).isEqualTo(1000);
        assertThat(TextLimits.max("note")).isEqualTo(2000);
        assertThat(TextLimits.max("remarks")).isEqualTo(2000);
        assertThat(TextLimits.max("newPassword")).isEqualTo(128);
        assertThat(TextLimits.max("somethingNew")).isEqualTo(1000);
    }

    @Test
    void aTooLongTextIsRefusedInChineseNamingTheField() {
        assertThat(TextLimits.problem("reason", "理".repeat(1000))).isNull();
        assertThat(TextLimits.problem("reason", "理".repeat(1001))).isEqualTo("理由（reason）不能超过 1000 个字（提交了 1001 个）");
    }

    @Test
    void controlCharactersAreRefusedButTabsAndLineBreaksAreKept() {
        assertThat(TextLimits.problem("note", "第一行\r\n第二行\t完")).isNull();
        assertThat(TextLimits.problem("name", "a\u0000b")).contains("名称（name）").contains("U+0000").contains("第 2 个字符");
        assertThat(TextLimits.problem("name", "铃\u0007")).contains("U+0007");
        assertThat(TextLimits.problem("name", "删\u007F")).contains("U+007F");
    }
}
