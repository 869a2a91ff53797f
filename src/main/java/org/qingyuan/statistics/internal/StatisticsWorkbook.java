package org.qingyuan.statistics.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.qingyuan.organisation.Liaison;
import org.qingyuan.organisation.Liaisons;
import org.qingyuan.shared.ChineseDates;
import org.qingyuan.statistics.Figure;
import org.qingyuan.statistics.StatisticsTables;
import org.qingyuan.statistics.Tally;
import org.qingyuan.statistics.TallyRow;
import org.springframework.stereotype.Component;

/**
 * The statistics table in the style of 000's 统计表: the title with the division's name, the reporting unit (盖章) and
 * the cut-off date, the liaison and phone, one row per group and the total, the completion rate, and the seal block.
 */
@Component
class StatisticsWorkbook implements StatisticsTables {

    private static final List<Figure> COLUMNS = List.of(Figure.TOTAL, Figure.TO_RECTIFY, Figure.CLOSED_OUT,
            Figure.FOUND, Figure.CLOSED_OUT_IN_PERIOD, Figure.REOPENED, Figure.OVERDUE);

    private final Liaisons liaisons;

    StatisticsWorkbook(Liaisons liaisons) {
        this.liaisons = liaisons;
    }

    @Override
    public void write(Tally tally, OutputStream out) throws IOException {
        Workbook book = new Workbook(out, "Qingyuan", "1.0");
        Worksheet ws = book.newWorksheet("统计表");
        int last = COLUMNS.size() + 1;
        ws.value(0, 0, tally.divisionName() + "“散乱污”企业排查整治情况统计表");
        ws.range(0, 0, 0, last).merge();
        ws.style(0, 0).bold().fontSize(16).horizontalAlignment("center").set();
        ws.rowHeight(0, 30);
        Liaison liaison = liaisons.forDivision(tally.division()).orElse(null);
        ws.value(1, 0, "填报单位（盖章）：" + (liaison == null ? tally.divisionName() : liaison.unitName())
                + "    统计截止日期：" + ChineseDates.of(tally.asOf()) + "    本期：" + ChineseDates.of(tally.from()) + "至" + ChineseDates.of(tally.asOf()));
        ws.range(1, 0, 1, last).merge();
        ws.value(2, 0, "联络员：" + pad(liaison == null ? null : liaison.name()) + "联系电话："
                + pad(liaison == null ? null : liaison.phone()) + "单位：户");
        ws.range(2, 0, 2, last).merge();
        int row = 3;
        ws.value(row, 0, tally.by().label());
        for (int c = 0; c < COLUMNS.size(); c++) {
            ws.value(row, c + 1, COLUMNS.get(c).label());
        }
        ws.value(row, last, "完成率（%）");
        for (int c = 0; c <= last; c++) {
            ws.style(row, c).bold().wrapText(true).horizontalAlignment("center").verticalAlignment("center")
                    .borderStyle(BorderStyle.THIN).fillColor("F2F2F2").set();
            ws.width(c, c == 0 ? 22 : 11);
        }
        ws.rowHeight(row, 32);
        row++;
        for (TallyRow r : tally.rows()) {
            row = line(ws, row, r, false);
        }
        row = line(ws, row, tally.total(), true);
        row++;
        ws.value(row, 0, "注：数据由清源平台按台账版本历史和整治任务时间线重建，为" + ChineseDates.of(tally.asOf())
                + "24时的状态；完成率 = 已销号 ÷ 应整治。");
        ws.range(row, 0, row, last).merge();
        row += 2;
        ws.value(row, 0, "填表人：" + pad(liaison == null ? null : liaison.name()) + "审核人：");
        ws.range(row, 0, row, 3).merge();
        ws.value(row, 5, "填报单位（盖章）");
        ws.range(row, 5, row, last).merge();
        ws.style(row, 5).horizontalAlignment("center").set();
        ws.value(row + 1, 5, ChineseDates.of(tally.asOf()));
        ws.range(row + 1, 5, row + 1, last).merge();
        ws.style(row + 1, 5).horizontalAlignment("center").set();
        ws.pageOrientation("landscape");
        ws.fitToWidth((short) 1);
        book.finish();
    }

    private static int line(Worksheet ws, int row, TallyRow r, boolean total) {
        ws.value(row, 0, r.label());
        for (int c = 0; c < COLUMNS.size(); c++) {
            ws.value(row, c + 1, r.get(COLUMNS.get(c)));
        }
        BigDecimal rate = r.completionRate();
        ws.value(row, COLUMNS.size() + 1, rate == null ? "—" : rate.toPlainString());
        for (int c = 0; c <= COLUMNS.size() + 1; c++) {
            var style = ws.style(row, c).borderStyle(BorderStyle.THIN).horizontalAlignment(c == 0 ? "left" : "center");
            (total ? style.bold() : style).set();
        }
        return row + 1;
    }


    private static String pad(String value) {
        return value == null || value.isBlank() ? "              " : value + "    ";
    }
}
