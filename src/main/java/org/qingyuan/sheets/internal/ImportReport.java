package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Worksheet;
import org.qingyuan.sheets.internal.ImportJob.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The import report as a workbook: the original file's rows, sheet by sheet, with two columns
 * added at the right — the outcome (已导入 / 错误 / 重复) and the reasons, each naming its column.
 * The original is read again and the outcomes are read in file order a page at a time, so the
 * report streams however large the file.
 */
@Component
public class ImportReport {

    private static final int PAGE = 5000;

    private final JdbcClient jdbc;

    private final WorkbookLimits limits;

    ImportReport(JdbcClient jdbc, SheetsProperties properties) {
        this.jdbc = jdbc;
        this.limits = properties.workbookLimits();
    }

    public void write(ImportJob job, OutputStream out) throws IOException {
        org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(out, "Qingyuan", "1.0");
        Outcomes outcomes = new Outcomes(job.id());
        try (Workbook source = Workbook.open(Path.of(job.filePath()), limits)) {
            List<Workbook.SheetInfo> sheets = source.sheets();
            for (Workbook.SheetInfo sheet : sheets) {
                Worksheet ws = book.newWorksheet(sheet.name());
                int[] width = {0};
                Map<String, Object> firstOutcome = outcomes.peek();
                int headerRow = firstOutcome != null && sheet.name().equals(firstOutcome.get("sheet"))
                        ? (Integer) firstOutcome.get("row") - 2 : -1;
                int[] written = {0};
                source.rows(sheet, (rowIndex, cells) -> {
                    for (int c = 0; c < cells.length; c++) {
                        cell(ws, rowIndex, c, cells[c]);
                    }
                    width[0] = Math.max(width[0], cells.length);
                    Map<String, Object> o = outcomes.peek();
                    while (o != null && sheet.name().equals(o.get("sheet")) && (Integer) o.get("row") < rowIndex + 1) {
                        outcomes.next();
                        o = outcomes.peek();
                    }
                    if (o != null && sheet.name().equals(o.get("sheet")) && (Integer) o.get("row") == rowIndex + 1) {
                        outcomes.next();
                        outcome(ws, rowIndex, Math.max(cells.length, width[0]), job, o);
                    } else if (rowIndex == headerRow) {
                        int at = Math.max(cells.length, width[0]);
                        ws.value(rowIndex, at, "导入结果");
                        ws.value(rowIndex, at + 1, "说明");
                        ws.style(rowIndex, at).bold().fillColor("D9E2F3").set();
                        ws.style(rowIndex, at + 1).bold().fillColor("D9E2F3").set();
                    }
                    if (++written[0] % 1000 == 0) {
                        ws.flush();
                    }
                });
                for (Workbook.Region r : sheet.merges()) {
                    ws.range(r.firstRow(), r.firstColumn(), r.lastRow(), r.lastColumn()).merge();
                }
                ws.finish();
            }
        }
        book.finish();
    }

    private static void cell(Worksheet ws, int row, int column, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal n) {
            ws.value(row, column, n);
        } else if (value instanceof Boolean b) {
            ws.value(row, column, b);
        } else if (value instanceof LocalDate d) {
            ws.value(row, column, d);
            ws.style(row, column).format("yyyy-mm-dd").set();
        } else {
            ws.inlineString(row, column, Cells.neutralised(value.toString()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void outcome(Worksheet ws, int row, int at, ImportJob job, Map<String, Object> o) {
        String kind = (String) o.get("outcome");
        String label = switch (kind) {
            case "ACCEPTED" -> job.state() == State.COMMITTED ? "已导入" : "有效（未导入）";
            case "DUPLICATE" -> "重复，未导入";
            default -> "错误，未导入";
        };
        StringBuilder why = new StringBuilder();
        for (Map<String, Object> e : (List<Map<String, Object>>) o.get("errors")) {
            append(why, "【" + e.get("column") + "】" + e.get("message"));
        }
        for (Map<String, Object> d : (List<Map<String, Object>>) o.get("duplicates")) {
            String other = d.get("row") != null ? "本文件工作表“" + d.get("sheet") + "”第 " + d.get("row") + " 行"
                    : "台账中的 #" + d.get("enterpriseId");
            append(why, "与" + other + "（" + d.get("name") + "）可能是同一企业：" + String.join("、", (List<String>) d.get("reasons")));
        }
        for (Map<String, Object> w : (List<Map<String, Object>>) o.get("warnings")) {
            append(why, "提示【" + w.get("column") + "】" + w.get("message"));
        }
        if (o.get("enterpriseId") != null && "ACCEPTED".equals(kind) && job.state() == State.COMMITTED) {
            append(why, "台账编号 #" + o.get("enterpriseId"));
        }
        ws.inlineString(row, at, label);
        ws.inlineString(row, at + 1, Cells.neutralised(why.toString()));
        String color = switch (kind) {
            case "ACCEPTED" -> ((List<?>) o.get("warnings")).isEmpty() ? "E2EFDA" : "FFF2CC";
            case "DUPLICATE" -> "FCE4D6";
            default -> "F8CBAD";
        };
        ws.style(row, at).fillColor(color).set();
        ws.style(row, at + 1).fillColor(color).wrapText(true).set();
    }

    private static void append(StringBuilder s, String text) {
        if (!s.isEmpty()) {
            s.append('；');
        }
        s.append(text);
    }

    /** The row outcomes in file order, read a page at a time. */
    private final class Outcomes {
        final long importId;
        final Deque<Map<String, Object>> page = new ArrayDeque<>();
        int lastSeq;
        boolean done;

        Outcomes(long importId) {
            this.importId = importId;
        }

        Map<String, Object> peek() {
            if (page.isEmpty() && !done) {
                List<Map<String, Object>> next = jdbc.sql("""
                                SELECT seq, sheet, row_number, outcome, enterprise_id, errors::text AS errors,
                                       warnings::text AS warnings, duplicates::text AS duplicates
                                  FROM sheet_import_row WHERE import_id = :id AND seq > :after ORDER BY seq LIMIT :limit
                                """).param("id", importId).param("after", lastSeq).param("limit", PAGE)
                        .query((rs, i) -> {
                            Map<String, Object> m = new java.util.HashMap<>();
                            m.put("seq", rs.getInt("seq"));
                            m.put("sheet", rs.getString("sheet"));
                            m.put("row", rs.getInt("row_number"));
                            m.put("outcome", rs.getString("outcome"));
                            long id = rs.getLong("enterprise_id");
                            m.put("enterpriseId", rs.wasNull() ? null : id);
                            m.put("errors", parse(rs.getString("errors")));
                            m.put("warnings", parse(rs.getString("warnings")));
                            m.put("duplicates", parse(rs.getString("duplicates")));
                            return m;
                        }).list();
                if (next.isEmpty()) {
                    done = true;
                } else {
                    page.addAll(next);
                    lastSeq = (Integer) next.get(next.size() - 1).get("seq");
                }
            }
            return page.peekFirst();
        }

        void next() {
            page.pollFirst();
        }
    }

    private static List<Map<String, Object>> parse(String json) {
        return json == null ? List.of()
                : ImportJobs.JSON.readValue(json, new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
    }
}
