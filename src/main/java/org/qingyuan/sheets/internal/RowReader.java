package org.qingyuan.sheets.internal;

import java.util.List;
import java.util.function.Function;

import org.qingyuan.sheets.internal.RowMapper.RowMessage;
import org.qingyuan.sheets.internal.SheetParser.SourceRow;

/** Reads cells of one row, turning unreadable ones into row errors named by the file's header. */
final class RowReader {
    final SourceRow row;
    final List<RowMessage> errors;
    final List<RowMessage> warnings;
    final List<String> remarks;

    RowReader(SourceRow row, List<RowMessage> errors, List<RowMessage> warnings, List<String> remarks) {
        this.row = row;
        this.errors = errors;
        this.warnings = warnings;
        this.remarks = remarks;
    }

    /**
     * An optional value: one that cannot be read is left empty, kept as written in 备注 and flagged; only a
     * negative number is an error.
     */
    <T> T optional(SheetColumn column, Function<Object, T> parser) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v);
        } catch (Cells.Negative e) {
            errors.add(new RowMessage(row.header().name(column), e.getMessage()));
        } catch (Cells.Unreadable e) {
            unreadable(column, e.getMessage());
        } catch (NumberFormatException | ArithmeticException e) {
            unreadable(column, "“" + Cells.text(v) + "”不是数字");
        }
        return null;
    }

    void unreadable(SheetColumn column, String reason) {
        warnings.add(new RowMessage(row.header().name(column), reason + "，该项留空，原文已记入备注"));
        remarks.add(row.header().name(column) + "：" + text(column));
    }

    String text(SheetColumn column) {
        return Cells.text(row.get(column));
    }

    <T> T parse(SheetColumn column, Function<Object, T> parser) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v);
        } catch (Cells.Unreadable e) {
            errors.add(new RowMessage(row.header().name(column), e.getMessage()));
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(new RowMessage(row.header().name(column), "“" + Cells.text(v) + "”不是数字"));
        }
        return null;
    }

    <T> T warned(SheetColumn column, Function<Object, Cells.Parsed<T>> parser) {
        Cells.Parsed<T> p = optional(column, parser);
        if (p == null) {
            return null;
        }
        if (p.warning() != null) {
            warnings.add(new RowMessage(row.header().name(column), p.warning()));
        }
        return p.value();
    }
}
