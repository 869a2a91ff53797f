package org.qingyuan.sheets.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.qingyuan.sheets.internal.RowMapper.RowMessage;
import org.qingyuan.shared.CreditCode;
import org.qingyuan.shared.PhoneNumber;

/**
 * Checks of a row's optional values and of facts that are possible but inconsistent: the first kind
 * answer the value or an {@link Cells.Unreadable} (the row keeps the text in 备注), the second add a
 * warning and never reject the row.
 */
final class RowChecks {

    private RowChecks() {
    }

    private static final Pattern DONE = Pattern.compile("拆除到位|已拆除|整治到位|已完成|完成整治|关停到位|取缔到位|已关停|已取缔");

    /** A credit code the ledger will accept, as written; an invalid one is unreadable. */
    static String creditCode(String text) {
        try {
            CreditCode.parse(text);
            return Cells.plain(text);
        } catch (IllegalArgumentException e) {
            throw new Cells.Unreadable(e.getMessage());
        }
    }

    /** One or more phone numbers (、，/ between them); one that is no phone number makes the cell unreadable. */
    static String phones(String text) {
        for (String part : Cells.plain(text).split("[,，、;；/]+")) {
            if (!part.isBlank()) {
                try {
                    PhoneNumber.parse(part);
                } catch (IllegalArgumentException e) {
                    throw new Cells.Unreadable("联系电话有误：" + e.getMessage());
                }
            }
        }
        return Cells.plain(text);
    }

    /** 整治期限 before 上报时间: possible (the district's deadline may precede the discovery), so flagged only. */
    static void deadlineBeforeReport(String deadline, LocalDate reportedOn, String deadlineColumn, String reportedColumn,
                                     List<RowMessage> warnings) {
        if (deadline == null || reportedOn == null) {
            return;
        }
        LocalDate d;
        try {
            Cells.DateValue v = Cells.date(deadline, reportedOn.getYear());
            d = v == null ? null : v.date();
        } catch (Cells.Unreadable e) {
            return;
        }
        if (d != null && d.isBefore(reportedOn)) {
            warnings.add(new RowMessage(deadlineColumn, "整治期限 " + d + " 早于" + reportedColumn + " " + reportedOn
                    + "，登记后即已逾期，请核对"));
        }
    }

    /** 完成情况 that claims the work done (拆除到位) without the date it was done. */
    static void doneWithoutDate(String progress, String column, List<RowMessage> warnings) {
        if (progress != null && DONE.matcher(progress).find() && !Cells.plain(progress).matches(".*\\d.*")) {
            warnings.add(new RowMessage(column, "完成情况“" + progress + "”未写完成日期，请补填"));
        }
    }
}
