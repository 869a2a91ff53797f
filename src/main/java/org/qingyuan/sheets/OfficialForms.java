package org.qingyuan.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;

import org.qingyuan.shared.DivisionCode;

/**
 * The official ledger form of a division as the ledger stood at an instant, for the reports a unit submits: exactly the
 * file the export writes (title, unit rows, the unit's 联络员 line — blank when it named none —, headers, rows,
 * footnotes, seal block), dated {@code formDate}, with the enterprises in the ledger at {@code asOf} and their fields as
 * they were then; scoped to the division itself, read in the caller's transaction. Of the rectification columns, the
 * case's state (完成情况 / 整治情况, with its completion date), the category and, without a case then, the
 * classification's measure and the town's report are as of the instant; a case's 整治要求, 整治期限 and 分包责任人 are
 * its current ones (its timeline records their changes as text only).
 */
public interface OfficialForms {

    /**
     * @param form {@code survey} (001 附件1 排查台账) or {@code community} (004 附件2 社区统计表); another value is a 400
     *             naming {@code form}
     * @param asOf the instant the rows are reconstructed at (a period's cut-off)
     * @param formDate the date printed on the form
     */
    void write(String form, DivisionCode division, Instant asOf, LocalDate formDate, OutputStream out) throws IOException;
}
