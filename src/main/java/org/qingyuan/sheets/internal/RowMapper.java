package org.qingyuan.sheets.internal;

import static org.qingyuan.sheets.internal.SheetColumn.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Premises;
import org.qingyuan.sheets.internal.SheetParser.SourceRow;
import org.qingyuan.shared.DivisionCode;

/**
 * One data row of a town's sheet into the ledger's terms: an enterprise's details (every fact
 * from the file with source 台账导入 and the form's date), the rectification columns the ledger
 * does not hold yet, and for each problem the column as the file names it with a Chinese reason.
 */
final class RowMapper {

    /** A problem with one cell; {@code column} is the file's own header. */
    record RowMessage(String column, String message) {
    }

    /** 整治要求, 整治期限, 分包责任人, 完成情况 as the file says them (the rectification module will own them). */
    record CampaignColumns(String requirement, String deadline, String responsible, String progress) {

        boolean empty() {
            return requirement == null && deadline == null && responsible == null && progress == null;
        }
    }

    /** A mapped row; {@code details} is null when the row cannot be registered at all. */
    record MappedRow(String sheet, int rowNumber, String name, EnterpriseDetails details, CampaignColumns campaign,
                     List<RowMessage> errors, List<RowMessage> warnings) {
    }

    private final Layout layout;
    private final VillageResolver villages;
    private final LocalDate formDate;
    private final LocalDate today;
    /** Where each 序号 was first seen (sheet and row), to flag a repeated one. */
    private final Map<String, String> numbers = new HashMap<>();

    RowMapper(Layout layout, VillageResolver villages, LocalDate formDate, LocalDate today) {
        this.layout = layout;
        this.villages = villages;
        this.formDate = formDate;
        this.today = today;
    }

    /**
     * Maps a row. Only the enterprise's name and a village that resolves in the form's unit are required
     * (and counts and amounts must not be negative): any other value that cannot be read is left empty,
     * kept as written in 备注 and reported as a warning naming its column.
     */
    MappedRow map(SourceRow row) {
        List<RowMessage> errors = new ArrayList<>();
        List<RowMessage> warnings = new ArrayList<>();
        List<String> remarks = new ArrayList<>();
        Reader r = new Reader(row, errors, warnings, remarks);
        repeatedNumber(r);

        String name = r.text(NAME);
        if (name == null) {
            errors.add(new RowMessage(row.header().name(NAME), "企业名称为空"));
        }
        // place
        DivisionCode division = null;
        String address = r.text(ADDRESS);
        String code = r.text(DIVISION_CODE);
        String village = r.text(VILLAGE);
        if (code != null) {
            division = r.parse(DIVISION_CODE, v -> villages.resolve(Cells.plain(code)).division());
        } else if (village != null) {
            VillageResolver.Resolved resolved = r.parse(VILLAGE, v -> villages.resolve(village));
            if (resolved != null) {
                division = resolved.division();
                if (resolved.rest() != null) {
                    address = address == null ? resolved.rest() : address;
                }
            }
        } else {
            errors.add(new RowMessage(row.header().name(VILLAGE), "所在村（社区）为空"));
        }
        Double longitude = r.optional(LONGITUDE, v -> coordinate(v, 73, 136, "经度应在 73 至 136 之间"));
        Double latitude = r.optional(LATITUDE, v -> coordinate(v, 3, 54, "纬度应在 3 至 54 之间"));
        if ((longitude == null) != (latitude == null)) {
            SheetColumn missing = longitude == null ? LONGITUDE : LATITUDE;
            SheetColumn given = longitude == null ? LATITUDE : LONGITUDE;
            warnings.add(new RowMessage(row.header().name(given), "经纬度缺" + row.header().name(missing) + "，坐标留空并记入备注"));
            remarks.add(row.header().name(given) + "：" + r.text(given));
            longitude = null;
            latitude = null;
        }

        // campaign dates
        Cells.DateValue reported = r.optional(REPORTED_ON, v -> Cells.date(v, formDate == null ? null : formDate.getYear()));
        LocalDate reportedOn = reported == null ? formDate : reported.date() != null ? reported.date() : formDate;
        if (reported != null && reported.warning() != null) {
            warnings.add(new RowMessage(row.header().name(REPORTED_ON), reported.warning()));
            if (reported.date() == null) {
                remarks.add(row.header().name(REPORTED_ON) + "：" + reported.text());
            }
        }
        if (reported != null && reported.date() != null && today != null
                && (reported.date().isAfter(today) || reported.date().getYear() < 2000)) {
            r.unreadable(REPORTED_ON, "“" + r.text(REPORTED_ON) + "”" + (reported.date().isAfter(today) ? "晚于今天" : "早于 2000 年"));
            reportedOn = formDate != null && !formDate.isAfter(today) ? formDate : null;
        }
        LocalDate asOf = reportedOn == null ? today : reportedOn;

        // business
        Industry industry = null;
        String industryText = r.text(INDUSTRY);
        if (industryText != null) {
            industry = Industry.match(industryText).orElse(null);
            if (industry == null) {
                industry = Industry.OTHER;
                remarks.add("行业：" + industryText);
                warnings.add(new RowMessage(row.header().name(INDUSTRY), "“" + industryText + "”不在行业目录中，按“其他”登记并记入备注"));
            }
        }
        Integer employees = r.warned(EMPLOYEES, Cells::count);
        String scale = r.text(SCALE);
        if (scale != null) {
            String digits = ChineseNumerals.toDigits(Cells.plain(scale));
            if (employees == null && digits.matches(".*\\d.*")) {
                employees = r.warned(SCALE, Cells::count);
            } else if (employees == null && !row.has(EMPLOYEES)) {
                r.unreadable(SCALE, "“" + scale + "”中没有人数");
            }
            String remark = row.header().name(SCALE) + "：" + scale;
            if (!digits.matches("约?\\d+(人|名)?") && !remarks.contains(remark)) {
                remarks.add(remark);
            }
        }
        BigDecimal output = r.warned(OUTPUT, Cells::tenThousandYuan);
        Premises premises = r.optional(PREMISES, v -> premises(Cells.text(v)));
        Business business = new Business(industry, r.optional(KEY_INDUSTRY, Cells::yesNo), r.optional(EIGHT_SMALL, Cells::yesNo),
                r.text(PRODUCTS), r.text(RAW_MATERIALS), r.text(EQUIPMENT), employees, output, premises, r.text(LANDLORD));

        // facts
        Map<Fact, FactValue> facts = new EnumMap<>(Fact.class);
        for (SheetColumn c : SheetColumn.values()) {
            if (c.fact() != null) {
                Boolean answer = r.optional(c, Cells::yesNo);
                if (answer != null) {
                    facts.put(c.fact(), new FactValue(answer, FactSource.IMPORT, asOf));
                }
            }
        }
        String waterGas = r.text(WATER_GAS);
        if (waterGas != null) {
            waterGas(waterGas, facts, asOf, row.header().name(WATER_GAS), warnings);
        }
        String approvals = r.text(APPROVALS);
        if (approvals != null) {
            approvals(approvals, facts, asOf, row.header().name(APPROVALS), warnings, remarks);
        }

        // campaign
        EnterpriseType type = r.optional(TYPE, v -> type(Cells.text(v)));
        if (type == null) {
            type = industry != null && industry.eightSmall() ? EnterpriseType.EIGHT_SMALL : EnterpriseType.SLW;
            if (row.has(TYPE)) {
                warnings.add(new RowMessage(row.header().name(TYPE), "企业类型" + (r.text(TYPE) == null ? "为空" : "无法识别")
                        + "，按“" + type.label() + "”登记"));
            }
        }
        Discovery discovery = r.optional(DISCOVERY, v -> discovery(Cells.text(v)));
        String remark = r.text(REMARKS);
        if (remark != null) {
            remarks.add(0, remark);
        }
        String deadline = deadlineText(r, warnings);
        String progress = dateText(r, PROGRESS, warnings);
        CampaignColumns campaign = new CampaignColumns(r.text(REQUIREMENT), deadline, r.text(RESPONSIBLE), progress);
        RowChecks.deadlineBeforeReport(deadline, reportedOn, row.header().name(DEADLINE), row.header().name(REPORTED_ON), warnings);
        RowChecks.doneWithoutDate(progress, row.header().name(PROGRESS), warnings);

        String creditCode = r.optional(CREDIT_CODE, v -> RowChecks.creditCode(Cells.text(v)));
        String phone = r.optional(PHONE, v -> RowChecks.phones(Cells.text(v)));
        EnterpriseDetails details = new EnterpriseDetails(
                new Identity(name, creditCode, r.text(OPERATOR), r.text(CONTACT), phone),
                new Place(division, address, longitude, latitude), business, declaredFacts(row, facts, asOf, warnings, remarks),
                new Campaign(type, discovery == null ? Discovery.IMPORT : discovery, reportedOn == null ? today : reportedOn,
                        remarks.isEmpty() ? null : String.join("；", remarks)));
        return new MappedRow(row.sheet(), row.rowNumber(), name, errors.isEmpty() ? details : null, campaign, errors, warnings);
    }

    /** A 序号 seen before in this file is flagged (the row is still read). */
    private void repeatedNumber(Reader r) {
        String number = r.text(SEQ);
        if (number == null) {
            return;
        }
        String where = "工作表“" + r.row.sheet() + "”第 " + r.row.rowNumber() + " 行";
        String first = numbers.putIfAbsent(Cells.plain(number), where);
        if (first != null) {
            r.warnings.add(new RowMessage(r.row.header().name(SEQ), "序号 " + number + " 与" + first + "重复"));
        }
    }

    private static Double coordinate(Object v, double min, double max, String range) {
        double d = new BigDecimal(Cells.plain(Cells.text(v))).doubleValue();
        if (d < min || d > max || Double.isNaN(d)) {
            throw new Cells.Unreadable("“" + Cells.text(v) + "”不在范围内（" + range + "）");
        }
        return d;
    }

    /**
     * The eleven facts with those of the columns the active plan declares (是/否, 有/无 …, source 台账导入 and the form's
     * date); an answer that cannot be read leaves the fact unknown, with a warning and the text kept in 备注.
     */
    private static Facts declaredFacts(SourceRow row, Map<Fact, FactValue> facts, LocalDate asOf, List<RowMessage> warnings,
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


    /** 整治期限 as written; one that is not an exact date (3月底, 限期一个月) is flagged. */
    private static String deadlineText(Reader r, List<RowMessage> warnings) {
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
    private static String dateText(Reader r, SheetColumn column, List<RowMessage> warnings) {
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

    static Premises premises(String text) {
        if (text == null) {
            return null;
        }
        String t = Cells.plain(text);
        if (t.contains("租")) {
            return Premises.RENTED;
        }
        if (t.contains("自建") || t.contains("自有") || t.contains("自己") || t.contains("自家") || t.contains("宅基")) {
            return Premises.SELF_BUILT;
        }
        throw new Cells.Unreadable("“" + text + "”应为租赁或自建");
    }

    static EnterpriseType type(String text) {
        if (text == null) {
            return null;
        }
        String t = Cells.plain(text).replace("“", "").replace("”", "").replace("\"", "");
        if (t.contains("八小")) {
            return EnterpriseType.EIGHT_SMALL;
        }
        if (t.contains("散") || t.contains("乱") || t.contains("污") || t.equalsIgnoreCase("SLW")) {
            return EnterpriseType.SLW;
        }
        throw new Cells.Unreadable("“" + text + "”应为小散乱污或八小");
    }

    static Discovery discovery(String text) {
        if (text == null) {
            return null;
        }
        String t = Cells.plain(text);
        for (Discovery d : Discovery.values()) {
            if (t.equals(d.label()) || t.equals(d.name()) || t.contains(d.label().substring(0, 2))) {
                return d;
            }
        }
        if (t.contains("举报") || t.contains("信访") || t.contains("12369")) {
            return Discovery.COMPLAINT;
        }
        if (t.contains("排查") || t.contains("巡查") || t.contains("网格")) {
            return Discovery.PATROL;
        }
        throw new Cells.Unreadable("“" + text + "”应为巡查发现、群众举报、上级交办、督查发现或台账导入");
    }

    /** 涉水涉气: 涉气 (gas yes, water no), 涉水涉气, 均不涉及 / 无 / 否 (both no). */
    private static void waterGas(String text, Map<Fact, FactValue> facts, LocalDate asOf, String column, List<RowMessage> warnings) {
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

    /** Reads cells of one row, turning unreadable ones into row errors named by the file's header. */
    private static final class Reader {
        final SourceRow row;
        final List<RowMessage> errors;
        final List<RowMessage> warnings;
        final List<String> remarks;

        Reader(SourceRow row, List<RowMessage> errors, List<RowMessage> warnings, List<String> remarks) {
            this.row = row;
            this.errors = errors;
            this.warnings = warnings;
            this.remarks = remarks;
        }

        /**
         * An optional value: one that cannot be read is left empty, kept as written in 备注 and flagged; only a
         * negative number is an error.
         */
        <T> T optional(SheetColumn column, java.util.function.Function<Object, T> parser) {
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

        <T> T parse(SheetColumn column, java.util.function.Function<Object, T> parser) {
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

        <T> T warned(SheetColumn column, java.util.function.Function<Object, Cells.Parsed<T>> parser) {
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
}
