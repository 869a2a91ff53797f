package org.qingyuan.sheets.internal;

import static org.qingyuan.sheets.internal.SheetColumn.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.sheets.internal.SheetParser.SourceRow;

import org.qingyuan.sheets.internal.RowMapper.RowMessage;
import org.qingyuan.sheets.internal.SheetParser.SourceRow;

/**
 * The facts a row's cells state, in the towns' words: yes/no answers of the plan's own columns (不详 leaves a fact
 * unknown), 涉水涉气 in one cell, and the approvals in one cell (有, 无, or 有营业执照，无环评).
 */
final class FactCells {

    private FactCells() {
    }

    /**
     * The eleven facts with those of the columns the active plan declares (是/否, 有/无 …, source 台账导入 and the form's
     * date); an answer that cannot be read leaves the fact unknown, with a warning and the text kept in 备注.
     */
    static Facts declaredFacts(SourceRow row, Map<Fact, FactValue> facts, LocalDate asOf, List<RowMessage> warnings,
                                       List<String> remarks) {
        Facts all = new Facts(facts);
        List<SheetParser.DeclaredColumn> columns = row.header().declared();
        for (int k = 0; k < columns.size() && k < row.declaredValues().length; k++) {
            Object v = row.declaredValues()[k];
            if (v == null) {
                continue;
            }
            SheetParser.DeclaredColumn column = columns.get(k);
            if (UNKNOWN_ANSWER.matcher(Cells.plain(Cells.text(v))).matches()) {
                continue;
            }
            try {
                Boolean answer = Cells.yesNo(v);
                if (answer != null) {
                    all = all.with(column.fact(), new FactValue(answer, FactSource.IMPORT, asOf));
                }
            } catch (Cells.Unreadable e) {
                warnings.add(new RowMessage(column.name(), e.getMessage() + "，按不详登记并记入备注"));
                remarks.add(column.name() + "：" + Cells.text(v));
            }
        }
        return all;
    }

    /** What a town writes for "we do not know" in a yes/no column: the fact stays unknown. */
    private static final Pattern UNKNOWN_ANSWER = Pattern.compile("不详|不清楚|未知|不确定|待查|待核实|待核查|[-—－/／\\\\]+");

    /** 涉水涉气: 涉气 (gas yes, water no), 涉水涉气, 均不涉及 / 无 / 否 (both no). */
    static void waterGas(String text, Map<Fact, FactValue> facts, LocalDate asOf, String column, List<RowMessage> warnings) {
        String t = Cells.plain(text);
        boolean none = t.contains("不涉") || t.equals("无") || t.equals("否") || t.equals("×") || t.equals("均无") || t.equals("不");
        boolean water = !none && t.contains("水");
        boolean gas = !none && t.contains("气");
        if (none || water || gas) {
            facts.put(Fact.INVOLVES_WATER, new FactValue(water, FactSource.IMPORT, asOf));
            facts.put(Fact.INVOLVES_GAS, new FactValue(gas, FactSource.IMPORT, asOf));
        } else {
            warnings.add(new RowMessage(column, "“" + text + "”未说明涉水还是涉气，记为不明"));
        }
    }

    private static final Map<String, Fact> APPROVAL_WORDS = Map.of("环评", Fact.HAS_EIA_APPROVAL, "消防", Fact.HAS_FIRE_APPROVAL,
            "规划", Fact.HAS_PLANNING_APPROVAL, "执照", Fact.HAS_BUSINESS_LICENCE, "营业", Fact.HAS_BUSINESS_LICENCE,
            "工商", Fact.HAS_BUSINESS_LICENCE);
    private static final List<Fact> APPROVAL_FACTS = List.of(Fact.HAS_EIA_APPROVAL, Fact.HAS_FIRE_APPROVAL,
            Fact.HAS_PLANNING_APPROVAL, Fact.HAS_BUSINESS_LICENCE);

    private static final Pattern APPROVAL_FILLER = Pattern.compile("手续|证照|相关|任何|所有|各项|。");
    private static final Pattern ALL_OF_THEM = Pattern.compile("^(均|全部|全|都|一概)");

    /**
     * An answer for all approvals at once, reduced to the yes/no word {@link Cells#yesNo} reads: 均无, 手续全无 and
     * 无任何手续 become 无, 均已办理 becomes 已办理, 手续齐全 becomes 齐全; a bare 手续 means 有.
     */
    static String allApprovals(String text) {
        String t = ALL_OF_THEM.matcher(APPROVAL_FILLER.matcher(text).replaceAll("")).replaceFirst("");
        return t.isEmpty() ? "有" : t;
    }

    /** 有无手续: 有 / 无 for all four approvals, or per approval (有营业执照，无环评). */
    static void approvals(String text, Map<Fact, FactValue> facts, LocalDate asOf, String column, List<RowMessage> warnings,
                                  List<String> remarks) {
        String t = Cells.plain(text);
        boolean specific = false;
        // a leading 无 / 有 holds for the list it starts: 无营业执照、规划手续 lacks both
        Boolean carried = null;
        for (String part : t.split("[,，、;；/]+")) {
            Boolean polarity = part.startsWith("无") || part.startsWith("未") || part.startsWith("没") || part.startsWith("缺")
                    || part.startsWith("不") ? Boolean.FALSE : part.startsWith("有") || part.startsWith("已") ? Boolean.TRUE : carried;
            carried = polarity;
            for (var e : APPROVAL_WORDS.entrySet()) {
                if (part.contains(e.getKey())) {
                    specific = true;
                    Boolean value = polarity != null ? polarity : !(part.contains("无") || part.contains("未") || part.contains("没"));
                    facts.put(e.getValue(), new FactValue(value, FactSource.IMPORT, asOf));
                }
            }
        }
        if (specific) {
            return;
        }
        Boolean all;
        if (t.contains("不全") || t.contains("不齐")) {
            warnings.add(new RowMessage(column, "“" + text + "”未说明缺哪项手续，已记入备注"));
            remarks.add(column + "：" + text);
            return;
        }
        try {
            all = Cells.yesNo(allApprovals(t));
        } catch (Cells.Unreadable e) {
            warnings.add(new RowMessage(column, "“" + text + "”无法判断有无手续，已记入备注"));
            remarks.add(column + "：" + text);
            return;
        }
        for (Fact f : APPROVAL_FACTS) {
            facts.put(f, new FactValue(all, FactSource.IMPORT, asOf));
        }
    }
}
