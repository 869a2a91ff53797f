package org.qingyuan.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** 完成情况 of 001 附件2 as towns write it: the completion day wherever it stands, none while the work goes on. */
class SupervisionLedgerCompletionTests {

    static LocalDate completion(String text) {
        return SupervisionLedgerImport.completion(text, text);
    }

    @Test
    void theCompletionDayIsTakenFromTheTextInAnyOfTheFormsDatesAreWritten() {
        assertThat(completion("拆除到位（2017.3.5）")).isEqualTo(LocalDate.of(2017, 3, 5));
        assertThat(completion("拆除到位(2017.3.5)")).isEqualTo(LocalDate.of(2017, 3, 5));
        assertThat(completion("已完成 2017-03-05")).isEqualTo(LocalDate.of(2017, 3, 5));
        assertThat(completion("2017年3月5日已补办手续")).isEqualTo(LocalDate.of(2017, 3, 5));
        assertThat(completion("拆除到位 2017/3/5")).isEqualTo(LocalDate.of(2017, 3, 5));
        assertThat(completion("拆除到位（２０１７．３．５）")).isEqualTo(LocalDate.of(2017, 3, 5));
        // an Excel date in the cell
        assertThat(SupervisionLedgerImport.completion(new BigDecimal("42799"), "42799")).isEqualTo(LocalDate.of(2017, 3, 5));
    }

    @Test
    void workStillGoingOnHasNoCompletionDay() {
        assertThat(completion("正在整治")).isNull();
        assertThat(completion("正在拆除")).isNull();
        assertThat(completion("补办手续")).isNull();
        assertThat(completion("未完成")).isNull();
    }

    @Test
    void aFinishedStateWithoutItsDayOrWithAnImpossibleDayIsRefused() {
        assertThatThrownBy(() -> completion("拆除到位")).hasMessageContaining("未注明完成日期");
        assertThatThrownBy(() -> completion("已完成")).hasMessageContaining("未注明完成日期");
        assertThatThrownBy(() -> completion("拆除到位（2017.2.30）")).hasMessageContaining("完成日期无效");
    }

    @Test
    void columnsAreNamedByTheirLetters() {
        assertThat(SupervisionLedgerImport.letter(0)).isEqualTo("A");
        assertThat(SupervisionLedgerImport.letter(7)).isEqualTo("H");
        assertThat(SupervisionLedgerImport.letter(26)).isEqualTo("AA");
    }
}
