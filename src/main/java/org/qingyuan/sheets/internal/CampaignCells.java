package org.qingyuan.sheets.internal;

import static org.qingyuan.sheets.internal.SheetColumn.DEADLINE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.sheets.internal.RowMapper.RowMessage;

/**
 * The rectification columns that hold a date or say one in words (整治期限, 完成情况): an Excel date is written as
 * 2017-05-31, text is kept as the town wrote it.
 */
final class CampaignCells {

    private CampaignCells() {
    }

    /** 整治期限 as written; one that is not an exact date (3月底, 限期一个月) is flagged. */
    static String deadline(RowReader r, List<RowMessage> warnings) {
        String text = dateText(r, DEADLINE, warnings);
        if (text != null && r.row.get(DEADLINE) instanceof String) {
            String note;
            try {
                Cells.DateValue d = Cells.date(text, null);
                note = d == null || d.date() != null ? null : d.warning();
            } catch (Cells.Unreadable e) {
                note = "“" + text + "”不是确切日期，已按原文保留";
            }
            if (note != null) {
                warnings.add(new RowMessage(r.row.header().name(DEADLINE), note));
            }
        }
        return text;
    }

    /** A deadline or progress cell: an Excel date becomes 2017-05-31, text stays as written. */
    static String dateText(RowReader r, SheetColumn column, List<RowMessage> warnings) {
        Object v = r.row.get(column);
        if (v instanceof BigDecimal || v instanceof LocalDate) {
            try {
                Cells.DateValue d = Cells.date(v, null);
                return d == null ? null : d.date() != null ? d.date().toString() : d.text();
            } catch (Cells.Unreadable e) {
                return Cells.text(v);
            }
        }
        return r.text(column);
    }
}
