package org.qingyuan.sheets.internal;

import static org.qingyuan.sheets.internal.SheetColumn.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        RowReader r = new RowReader(row, errors, warnings, remarks);
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
        Integer employees = r.warned(EMPLOYEES, NumberCells::count);
        String scale = r.text(SCALE);
        if (scale != null) {
            String digits = ChineseNumerals.toDigits(Cells.plain(scale));
            if (employees == null && digits.matches(".*\\d.*")) {
                employees = r.warned(SCALE, NumberCells::count);
            } else if (employees == null && !row.has(EMPLOYEES)) {
                r.unreadable(SCALE, "“" + scale + "”中没有人数");
            }
            String remark = row.header().name(SCALE) + "：" + scale;
            if (!digits.matches("约?\\d+(人|名)?") && !remarks.contains(remark)) {
                remarks.add(remark);
            }
        }
        BigDecimal output = r.warned(OUTPUT, NumberCells::tenThousandYuan);
        Premises premises = r.optional(PREMISES, v -> ChoiceCells.premises(Cells.text(v)));
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
            FactCells.waterGas(waterGas, facts, asOf, row.header().name(WATER_GAS), warnings);
        }
        String approvals = r.text(APPROVALS);
        if (approvals != null) {
            FactCells.approvals(approvals, facts, asOf, row.header().name(APPROVALS), warnings, remarks);
        }

        // campaign
        EnterpriseType type = r.optional(TYPE, v -> ChoiceCells.type(Cells.text(v)));
        if (type == null) {
            type = industry != null && industry.eightSmall() ? EnterpriseType.EIGHT_SMALL : EnterpriseType.SLW;
            if (row.has(TYPE)) {
                warnings.add(new RowMessage(row.header().name(TYPE), "企业类型" + (r.text(TYPE) == null ? "为空" : "无法识别")
                        + "，按“" + type.label() + "”登记"));
            }
        }
        Discovery discovery = r.optional(DISCOVERY, v -> ChoiceCells.discovery(Cells.text(v)));
        String remark = r.text(REMARKS);
        if (remark != null) {
            remarks.add(0, remark);
        }
        String deadline = CampaignCells.deadline(r, warnings);
        String progress = CampaignCells.dateText(r, PROGRESS, warnings);
        CampaignColumns campaign = new CampaignColumns(r.text(REQUIREMENT), deadline, r.text(RESPONSIBLE), progress);
        RowChecks.deadlineBeforeReport(deadline, reportedOn, row.header().name(DEADLINE), row.header().name(REPORTED_ON), warnings);
        RowChecks.doneWithoutDate(progress, row.header().name(PROGRESS), warnings);

        String creditCode = r.optional(CREDIT_CODE, v -> RowChecks.creditCode(Cells.text(v)));
        String phone = r.optional(PHONE, v -> RowChecks.phones(Cells.text(v)));
        EnterpriseDetails details = new EnterpriseDetails(
                new Identity(name, creditCode, r.text(OPERATOR), r.text(CONTACT), phone),
                new Place(division, address, longitude, latitude), business, FactCells.declaredFacts(row, facts, asOf, warnings, remarks),
                new Campaign(type, discovery == null ? Discovery.IMPORT : discovery, reportedOn == null ? today : reportedOn,
                        remarks.isEmpty() ? null : String.join("；", remarks)));
        return new MappedRow(row.sheet(), row.rowNumber(), name, errors.isEmpty() ? details : null, campaign, errors, warnings);
    }

    /** A 序号 seen before in this file is flagged (the row is still read). */
    private void repeatedNumber(RowReader r) {
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
}
