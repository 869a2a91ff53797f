package org.qingyuan.sheets.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseExport.FormRow;
import org.qingyuan.ledger.Fact;
import org.qingyuan.rectification.CaseFormColumns;
import org.qingyuan.shared.DivisionCode;

/**
 * The cell values of one form's rows, in the form's words: 是/否 or 有/无 as the header asks, 涉水涉气, the approvals in one
 * cell, the scale in persons. Texts that repeat from row to row are made once (writing cells is the export's
 * bottleneck). One instance per export, used by its writing thread only.
 */
final class FormCells {

    private final Layout layout;
    private final Function<DivisionCode, String> villageName;
    private final Function<DivisionCode, String> localName;
    /** Per column: its header asks 有无… (answered 有/无) rather than 是否… (是/否). */
    final boolean[] hasOrNot = new boolean[SheetColumn.values().length];
    /** Texts that repeat from row to row, made once (the cells stage is the export's bottleneck). */
    final Map<LocalDate, String> dates = new HashMap<>();
    final String[] persons = new String[1000];
    final String[] approvalTexts = new String[81];

    String persons(int n) {
        if (n < 0 || n >= persons.length) {
            return n + "人";
        }
        String p = persons[n];
        return p != null ? p : (persons[n] = n + "人");
    }

    /** {@link #approvals}, by the combination of the four answers (unknown, yes, no each). */
    String approvalsCached(EnterpriseDetails d) {
        int key = 0;
        for (Fact f : APPROVALS_FACTS) {
            Boolean v = d.facts().value(f);
            key = key * 3 + (v == null ? 0 : v ? 1 : 2);
        }
        if (key == 0) {
            return null;
        }
        String text = approvalTexts[key];
        return text != null ? text : (approvalTexts[key] = approvals(d));
    }


    FormCells(Layout layout, List<SheetColumn> columns, Function<DivisionCode, String> villageName,
              Function<DivisionCode, String> localName) {
        this.layout = layout;
        this.villageName = villageName;
        this.localName = localName;
        for (SheetColumn c : columns) {
            hasOrNot[c.ordinal()] = layout.header(c).startsWith("有无");
        }
    }

    /** A date as text, so that no cell needs a style of its own (and it reads back as a date). */
    String date(LocalDate d) {
        return dates.computeIfAbsent(d, LocalDate::toString);
    }

    Object value(SheetColumn column, FormRow e, CaseFormColumns.Columns extra, int seqValue) {
        EnterpriseDetails d = e.details();
        return switch (column) {
            case SEQ -> seqValue;
            case NAME -> d.name();
            case CREDIT_CODE -> d.identity().creditCode();
            case OPERATOR -> d.identity().operator();
            case CONTACT -> d.identity().contactPerson();
            case PHONE -> d.identity().contactPhone();
            case VILLAGE -> layout == Layout.COMMUNITY_TABLE ? localName.apply(d.division()) : villageName.apply(d.division());
            case DIVISION_CODE -> d.division().value();
            case ADDRESS -> d.place().address();
            case LONGITUDE -> d.place().longitude();
            case LATITUDE -> d.place().latitude();
            case INDUSTRY -> d.business().industry() == null ? null : d.business().industry().label();
            case KEY_INDUSTRY -> yesNo(d.business().isKeyIndustry(), "是", "否");
            case EIGHT_SMALL -> yesNo(d.business().isEightSmall(), "是", "否");
            case PRODUCTS -> d.business().products();
            case RAW_MATERIALS -> d.business().rawMaterials();
            case EQUIPMENT -> d.business().equipmentModels();
            case EMPLOYEES -> d.business().employees();
            case SCALE -> d.business().employees() == null ? null : persons(d.business().employees());
            case OUTPUT -> plainNumber(d.business().outputValue());
            case PREMISES -> d.business().premises() == null ? null : d.business().premises().label();
            case LANDLORD -> d.business().landlord();
            case WATER_GAS -> waterGas(d);
            case APPROVALS -> approvalsCached(d);
            case TYPE -> d.campaign().type().label();
            case DISCOVERY -> d.campaign().discovery().label();
            case REPORTED_ON -> d.campaign().reportedOn();
            case CATEGORY -> extra == null ? null : extra.category();
            case REQUIREMENT -> extra == null ? null : extra.requirement();
            case DEADLINE -> extra == null ? null : extra.deadline();
            case RESPONSIBLE -> extra == null ? null : extra.responsible();
            case PROGRESS -> extra == null ? null : extra.progress();
            case REMARKS -> d.campaign().remarks();
            default -> {
                Fact fact = column.fact();
                if (fact == null) {
                    yield null;
                }
                Boolean v = d.facts().value(fact);
                yield hasOrNot[column.ordinal()] ? yesNo(v, "有", "无") : yesNo(v, "是", "否");
            }
        };
    }

    private static BigDecimal plainNumber(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String yesNo(Boolean v, String yes, String no) {
        return v == null ? null : v ? yes : no;
    }

    private static String waterGas(EnterpriseDetails d) {
        Boolean water = d.facts().value(Fact.INVOLVES_WATER);
        Boolean gas = d.facts().value(Fact.INVOLVES_GAS);
        if (Boolean.TRUE.equals(water) && Boolean.TRUE.equals(gas)) {
            return "涉水涉气";
        }
        if (Boolean.TRUE.equals(water)) {
            return "涉水";
        }
        if (Boolean.TRUE.equals(gas)) {
            return "涉气";
        }
        return Boolean.FALSE.equals(water) && Boolean.FALSE.equals(gas) ? "不涉及" : null;
    }

    private static final List<Fact> APPROVALS_FACTS = List.of(Fact.HAS_BUSINESS_LICENCE, Fact.HAS_EIA_APPROVAL,
            Fact.HAS_FIRE_APPROVAL, Fact.HAS_PLANNING_APPROVAL);
    private static final Map<Fact, String> APPROVAL_NAMES = Map.of(Fact.HAS_BUSINESS_LICENCE, "营业执照", Fact.HAS_EIA_APPROVAL,
            "环评", Fact.HAS_FIRE_APPROVAL, "消防", Fact.HAS_PLANNING_APPROVAL, "规划");

    /**
     * 有 when every approval is held, 无 when none, else exactly what is known: what is missing, then what is held
     * (无环评、消防手续；有营业执照、规划手续); an approval nobody checked is not named, so the cell imports back as it was.
     */
    private static String approvals(EnterpriseDetails d) {
        List<String> missing = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (Fact f : APPROVALS_FACTS) {
            Boolean v = d.facts().value(f);
            if (v != null) {
                (v ? held : missing).add(APPROVAL_NAMES.get(f));
            }
        }
        if (missing.isEmpty() && held.isEmpty()) {
            return null;
        }
        if (missing.isEmpty() && held.size() == APPROVALS_FACTS.size()) {
            return "有";
        }
        if (held.isEmpty() && missing.size() == APPROVALS_FACTS.size()) {
            return "无";
        }
        String no = missing.isEmpty() ? "" : "无" + String.join("、", missing) + "手续";
        String yes = held.isEmpty() ? "" : "有" + String.join("、", held) + "手续";
        return no.isEmpty() ? yes : yes.isEmpty() ? no : no + "；" + yes;
    }
}
