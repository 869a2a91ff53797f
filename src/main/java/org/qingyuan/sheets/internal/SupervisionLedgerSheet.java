package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Worksheet;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ChineseDates;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.supervision.Problem;
import org.qingyuan.supervision.ProblemState;
import org.qingyuan.supervision.SupervisionLedger;
import org.springframework.stereotype.Component;

/**
 * Writes the supervision tracking ledger as the official form of 001 附件2 (惠济区小散乱污企业督查跟踪台账), with the
 * district's own name in the title: 填报单位 with its seal, the date, the nine columns of the seed, one row per problem
 * the caller may see (through {@link SupervisionLedger}), the seed's notes and the seal block of the printed copy.
 */
@Component
public class SupervisionLedgerSheet {

    /** The value of the {@code layout} parameter. */
    public static final String PARAM = "supervision-ledger";
    /** What the pages call it. */
    public static final String LABEL = "督查跟踪台账（001 附件2）";
    /** The form's title after the district's name. */
    public static final String TITLE = "小散乱污企业督查跟踪台账";

    static final List<String> HEADERS = List.of("序号", "所在乡（镇）、办", "企业名称", "地址", "企业类型", "整治要求", "移交日期",
            "完成情况（完成日期）", "分包责任人");
    static final List<String> NOTES = List.of("注：1. 此表区本级填报。自2月起每月23日前上报。",
            "2. 类型分为：小散乱污、八小。",
            "3. 整治要求包括补办手续、整改完善、限期拆除。",
            "4. 完成情况为报送时企业情况，根据整治要求包括补办手续、正在整治、正在拆除、拆除到位等，已完成的应注明完成日期。");
    private static final double[] WIDTHS = {6, 14, 24, 24, 11, 30, 12, 20, 12};
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SupervisionLedger ledger;
    private final Divisions divisions;

    SupervisionLedgerSheet(SupervisionLedger ledger, Divisions divisions) {
        this.ledger = ledger;
        this.divisions = divisions;
    }

    /** The form's file title, e.g. 惠济区小散乱污企业督查跟踪台账, for the caller's district. */
    public String title(CurrentUser user) {
        return names(user.scope().division()).district() + TITLE;
    }

    /** Writes the rows the caller may see ({@code state}, {@code town} narrow them; null: all); answers their count. */
    public long write(CurrentUser user, ProblemState state, String town, LocalDate date, OutputStream out) throws IOException {
        List<Problem> rows = ledger.rows(user, state, town);
        Names names = names(user.scope().division());
        org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(out, "Qingyuan", "1.0");
        book.setGlobalDefaultFont("宋体", 11);
        Worksheet ws = book.newWorksheet(TITLE);
        int last = HEADERS.size() - 1;
        int row = 0;
        ws.value(row, 0, names.district() + TITLE);
        ws.range(row, 0, row, last).merge();
        ws.style(row, 0).bold().fontSize(16).horizontalAlignment("center").set();
        ws.rowHeight(row, 30);
        row++;
        ws.value(row, 0, "填报单位：" + names.unit() + "    (盖章)");
        ws.range(row, 0, row, last).merge();
        row++;
        ws.value(row, 0, "日期：" + ChineseDates.of(date));
        ws.range(row, 0, row, last).merge();
        row++;
        for (int c = 0; c <= last; c++) {
            ws.value(row, c, HEADERS.get(c));
            ws.style(row, c).bold().wrapText(true).horizontalAlignment("center").verticalAlignment("center")
                    .borderStyle(BorderStyle.THIN).fillColor("F2F2F2").set();
            ws.width(c, WIDTHS[c]);
        }
        ws.rowHeight(row, 36);
        ws.repeatRows(row);
        ws.freezePane(0, row + 1);
        ws.pageOrientation("landscape");
        ws.paperSize(org.dhatim.fastexcel.PaperSize.A4_PAPER);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
        row++;
        int first = row;
        Map<String, String> towns = new HashMap<>();
        int seq = 0;
        for (Problem p : rows) {
            seq++;
            ws.value(row, 0, seq);
            List<String> cells = List.of(townName(p.townCode(), towns), text(p.enterpriseName()), text(p.address()),
                    text(p.enterpriseType()), requirement(p), p.handedAt() == null ? "" : day(p.handedAt()).toString(),
                    completion(p), text(p.responsiblePerson()));
            for (int c = 0; c < cells.size(); c++) {
                if (!cells.get(c).isEmpty()) {
                    ws.inlineString(row, c + 1, Cells.neutralised(cells.get(c)));
                }
            }
            row++;
        }
        if (row > first) {
            // the grid as one conditional format over the rows, as the other official forms draw it
            ws.range(first, 0, row - 1, last).style().borderStyle(BorderStyle.THIN)
                    .set(new org.dhatim.fastexcel.ConditionalFormattingExpressionRule("TRUE", false));
        }
        row++;
        for (String note : NOTES) {
            ws.value(row, 0, note);
            ws.range(row, 0, row, last).merge();
            ws.style(row, 0).wrapText(true).set();
            row++;
        }
        // the seal block of the printed copy
        row++;
        int from = last - 3;
        ws.value(row, 0, "填表人：" + FormFrame.pad(user.displayName()) + "审核人：              联系电话：");
        ws.range(row, 0, row, from - 1).merge();
        ws.value(row, from, "填报单位（盖章）");
        ws.range(row, from, row, last).merge();
        ws.style(row, from).horizontalAlignment("center").set();
        row++;
        ws.value(row, from, ChineseDates.of(date));
        ws.range(row, from, row, last).merge();
        ws.style(row, from).horizontalAlignment("center").set();
        ws.finish();
        book.finish();
        return rows.size();
    }

    /** 整治要求: the requirement and what was found (关停取缔：现场有工人生产), or what was found alone. */
    static String requirement(Problem p) {
        String description = text(p.description());
        return p.requirement() == null || p.requirement().isBlank() ? description : p.requirement().strip() + "：" + description;
    }

    /** 完成情况: the state's label; a closed-out one with its day, 已销号（2026-12-01）. */
    static String completion(Problem p) {
        if (p.state() == ProblemState.CLOSED_OUT && p.closedAt() != null) {
            return p.state().label() + "（" + day(p.closedAt()) + "）";
        }
        return p.state() == null ? "" : p.state().label();
    }

    private static LocalDate day(java.time.Instant at) {
        return LocalDate.ofInstant(at, CHINA);
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private String townName(String code, Map<String, String> cache) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return cache.computeIfAbsent(code, c -> {
            try {
                return divisions.find(DivisionCode.of(c)).map(Division::name).orElse(c);
            } catch (RuntimeException e) {
                return c;
            }
        });
    }

    /** The district's name (for the title) and the unit's (for 填报单位). */
    private record Names(String district, String unit) {
    }

    private Names names(DivisionCode code) {
        String district = "";
        String unit = "";
        for (Division d : divisions.path(code)) {
            if (d.level() == DivisionLevel.COUNTY) {
                district = d.name();
            }
            unit = d.name();
        }
        return new Names(district, unit);
    }
}
