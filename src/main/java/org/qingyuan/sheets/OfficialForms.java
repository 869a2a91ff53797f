package org.qingyuan.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;

import org.qingyuan.shared.DivisionCode;

/**
 * The official ledger forms of a division as the ledger stood at an instant (for the reports a unit submits): the
 * same file as the export (title, unit rows, the unit's 联络员 line, headers, rows, footnotes, seal block), with the
 * enterprises and their fields as they were then. The rectification columns are the cases' current ones.
 */
public interface OfficialForms {

    /**
     * @param form {@code survey} (001 附件1 排查台账) or {@code community} (004 附件2 社区统计表)
     * @param formDate the date printed on the form
     * @return the number of enterprises written
     */
    long write(String form, DivisionCode division, Instant asOf, LocalDate formDate, OutputStream out) throws IOException;
}
