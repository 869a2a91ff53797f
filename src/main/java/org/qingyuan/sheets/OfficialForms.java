package org.qingyuan.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;

import org.qingyuan.shared.DivisionCode;

/**
 * The official ledger form of a division as the ledger stood at an instant, for the reports a unit submits: exactly the
 * file the export writes (title with the unit's name, unit rows, the unit's 联络员 line — blank when it named none —,
 * headers, rows, footnotes, seal block), dated {@code formDate}, with the enterprises in the ledger at {@code asOf} and
 * their fields as they were then. The scope is the division itself (no signed-in user is needed); the rows are read in
 * the caller's transaction.
 * <p>
 * Of the rectification columns, 完成情况 / 整治情况 (the case's state and its completion date), the category and, for an
 * enterprise without a case then, the classification's measure and what its town had reported by then are as of the
 * instant; a case's 整治要求, 整治期限 and 分包责任人 are its current ones (its timeline records their changes as text only).
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
