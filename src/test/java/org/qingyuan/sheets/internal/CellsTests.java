package org.qingyuan.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CellsTests {

    @Test
    void readsDatesInEveryCommonChineseForm() {
        assertThat(Cells.date("2017.2.28", null).date()).isEqualTo(LocalDate.of(2017, 2, 28));
        assertThat(Cells.date("2017年3月1日", null).date()).isEqualTo(LocalDate.of(2017, 3, 1));
        assertThat(Cells.date("2017/3/5", null).date()).isEqualTo(LocalDate.of(2017, 3, 5));
        assertThat(Cells.date("２０１７－０３－０５", null).date()).isEqualTo(LocalDate.of(2017, 3, 5));
        assertThat(Cells.date("20170305", null).date()).isEqualTo(LocalDate.of(2017, 3, 5));
        assertThat(Cells.date(" 2017年3月1号 ", null).date()).isEqualTo(LocalDate.of(2017, 3, 1));
        assertThat(Cells.date(new BigDecimal("42795"), null).date()).as("an Excel serial").isEqualTo(LocalDate.of(2017, 3, 1));
    }

    @Test
    void keepsVagueDatesAsTextWithAWarning() {
        Cells.DateValue v = Cells.date("3月底", 2017);
        assertThat(v.date()).isNull();
        assertThat(v.text()).isEqualTo("3月底");
        assertThat(v.warning()).contains("不是确切日期");
        assertThat(Cells.date("2017年3月", null).date()).isNull();
        Cells.DateValue noYear = Cells.date("3月5日", 2017);
        assertThat(noYear.date()).isEqualTo(LocalDate.of(2017, 3, 5));
        assertThat(noYear.warning()).contains("未写年份");
        assertThatThrownBy(() -> Cells.date("2017.2.30", null)).hasMessageContaining("不是有效日期");
        assertThatThrownBy(() -> Cells.date("张三", null)).hasMessageContaining("不是日期");
    }

    @Test
    void readsYesAndNoMarks() {
        for (String yes : new String[] {"是", "有", "√", "Y", "y", "✓", "有，2016年办理", "已办理", "超标"}) {
            assertThat(Cells.yesNo(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"否", "无", "×", "N", "不符合", "未办理", "没有", "无（正在补办）"}) {
            assertThat(Cells.yesNo(no)).as(no).isFalse();
        }
        assertThat(Cells.yesNo("  ")).isNull();
        assertThatThrownBy(() -> Cells.yesNo("待查")).hasMessageContaining("是/否");
    }

    @Test
    void readsCountsAndAmountsWithUnitsAndApproximations() {
        assertThat(NumberCells.count("8人").value()).isEqualTo(8);
        assertThat(NumberCells.count("8人").warning()).isNull();
        assertThat(NumberCells.count("约20人").value()).isEqualTo(20);
        assertThat(NumberCells.count("约20人").warning()).contains("约数");
        assertThat(NumberCells.count("２０余人").value()).isEqualTo(20);
        assertThat(NumberCells.count(new BigDecimal("12")).value()).isEqualTo(12);
        assertThat(NumberCells.tenThousandYuan("12.5万").value()).isEqualByComparingTo("12.5");
        assertThat(NumberCells.tenThousandYuan("125000元").value()).isEqualByComparingTo("12.5");
        assertThat(NumberCells.tenThousandYuan("125000元").warning()).contains("换算");
        assertThat(NumberCells.tenThousandYuan("1.2亿").value()).isEqualByComparingTo("12000");
        assertThat(NumberCells.tenThousandYuan("约50").warning()).contains("约数");
        assertThat(NumberCells.tenThousandYuan("1,200").value()).isEqualByComparingTo("1200");
        assertThatThrownBy(() -> NumberCells.count("若干")).hasMessageContaining("没有人数");
    }

    @Test
    void trimsFullWidthAndNoBreakSpacesAndNeutralisesFormulas() {
        assertThat(Cells.text("  金河机械厂\u3000\u00a0")).isEqualTo("金河机械厂");
        assertThat(Cells.text("   ")).isNull();
        assertThat(Cells.text("金河路１８号Ｂ座（东院）")).as("full-width digits and letters, Chinese brackets kept")
                .isEqualTo("金河路18号B座（东院）");
        assertThat(Cells.neutralised("=1+1")).isEqualTo("'=1+1");
        assertThat(Cells.neutralised("+86")).isEqualTo("'+86");
        assertThat(Cells.neutralised("-")).isEqualTo("'-");
        assertThat(Cells.neutralised("@x")).isEqualTo("'@x");
        assertThat(Cells.neutralised("金河")).isEqualTo("金河");
        assertThat(Cells.text("'=1+1")).as("our own neutralised cells read back").isEqualTo("=1+1");
    }

    @Test
    void findsHeadersByTheirNamesAndSynonyms() {
        assertThat(SheetColumn.byHeader("企业规模\n(人员等)")).isEqualTo(SheetColumn.SCALE);
        assertThat(SheetColumn.byHeader("产值\n（万元）")).isEqualTo(SheetColumn.OUTPUT);
        assertThat(SheetColumn.byHeader("所属街道社区")).isEqualTo(SheetColumn.VILLAGE);
        assertThat(SheetColumn.byHeader("序\n号")).isEqualTo(SheetColumn.SEQ);
        assertThat(SheetColumn.byHeader("分包 责任人")).isEqualTo(SheetColumn.RESPONSIBLE);
        assertThat(SheetColumn.byHeader("营业执照")).isEqualTo(SheetColumn.LICENCE);
        assertThat(SheetColumn.byHeader("巡查人员")).isNull();
    }

    @Test
    void findsYesNoHeadersAskedWithOrWithoutTheirQuestionWord() {
        assertThat(SheetColumn.byHeader("是否符合产业政策及布局规划")).isEqualTo(SheetColumn.CONFORMS);
        assertThat(SheetColumn.byHeader("符合产业政策及当地产业布局规划")).isEqualTo(SheetColumn.CONFORMS);
        assertThat(SheetColumn.byHeader("有无工商执照")).isEqualTo(SheetColumn.LICENCE);
        assertThat(SheetColumn.byHeader("是否巡查人员")).isNull();
    }

    @Test
    void villageShortFormsFollowTheOfficialNames() {
        assertThat(VillageNames.strictForms("金河社区居民委员会")).contains("金河社区", "金河社区居委会");
        assertThat(VillageNames.strictForms("石桥村民委员会")).contains("石桥村", "石桥村委会");
        assertThat(VillageNames.strictForms("古荥村村民委员会")).contains("古荥村", "古荥村委会");
        assertThat(VillageNames.looseForms("古荥村村民委员会")).containsExactly("古荥");
        assertThat(VillageNames.townForms("新城街道")).contains("新城", "新城街道办事处", "新城街道办");
    }

    @Test
    void chineseNumeralsAreNumbers() {
        String[][] counts = {{"三人", "3"}, {"十六人", "16"}, {"四十四人", "44"}, {"二十七人", "27"}, {"一百二十人", "120"},
                {"两人", "2"}, {"一百零五人", "105"}};
        for (String[] c : counts) {
            Cells.Parsed<Integer> p = NumberCells.count(c[0]);
            assertThat(p.value()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(p.warning()).as(c[0] + " is exact").isNull();
        }
        assertThat(NumberCells.count("十余人").value()).isEqualTo(10);
        assertThat(NumberCells.count("十余人").warning()).contains("为约数");
        assertThat(NumberCells.count("二十多人").value()).isEqualTo(20);
        assertThat(NumberCells.count("二十多人").warning()).contains("为约数");
        assertThat(NumberCells.count("三四人").value()).isEqualTo(3);
        assertThat(NumberCells.count("三四人").warning()).contains("为约数");
        assertThat(NumberCells.tenThousandYuan("三万元").value()).isEqualByComparingTo("3");
        assertThat(NumberCells.tenThousandYuan("十二点五万元").value()).isEqualByComparingTo("12.5");
        assertThat(ChineseNumerals.toDigits("一般")).as("a word is no number").isEqualTo("一般");
    }

    @Test
    void unknownsAreUnreadableButNegativesAreTypingErrors() {
        for (String unknown : new String[] {"不详", "不清楚", "停产", "无", "—", "／"}) {
            assertThatThrownBy(() -> NumberCells.count(unknown)).as(unknown).isInstanceOf(Cells.Unreadable.class)
                    .isNotInstanceOf(Cells.Negative.class);
            assertThatThrownBy(() -> NumberCells.tenThousandYuan(unknown)).as(unknown).isInstanceOf(Cells.Unreadable.class)
                    .isNotInstanceOf(Cells.Negative.class);
        }
        assertThatThrownBy(() -> NumberCells.count("-3")).isInstanceOf(Cells.Negative.class).hasMessageContaining("不能为负数");
        assertThatThrownBy(() -> NumberCells.count("－5人")).isInstanceOf(Cells.Negative.class);
        assertThatThrownBy(() -> NumberCells.count(new BigDecimal("-2"))).isInstanceOf(Cells.Negative.class);
        assertThatThrownBy(() -> NumberCells.tenThousandYuan("-12.5万元")).isInstanceOf(Cells.Negative.class);
        assertThatThrownBy(() -> NumberCells.tenThousandYuan(new BigDecimal("-1"))).isInstanceOf(Cells.Negative.class);
        assertThat(NumberCells.count("10-15人").value()).as("a range is no negative").isEqualTo(10);
    }
}
