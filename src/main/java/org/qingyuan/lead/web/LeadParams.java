package org.qingyuan.lead.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.qingyuan.lead.LeadState;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;

/** The leads' request values, parsed once for the pages and the API, each refusal naming its field in Chinese. */
final class LeadParams {

    private LeadParams() {
    }

    static LeadState state(String raw) {
        return raw == null || raw.isBlank() || raw.equals("ALL") ? null : parse(LeadState.class, raw, "state", "线索状态");
    }

    static Discovery source(String raw) {
        return raw == null || raw.isBlank() ? null : parse(Discovery.class, raw, "source", "线索来源");
    }

    static DivisionCode division(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return DivisionCode.of(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "区划代码“" + raw + "”有误");
        }
    }

    static Double number(String raw, String field, String label) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip()).doubleValue();
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, label + "应为数字，实际为“" + raw + "”");
        }
    }

    static int version(String raw) {
        try {
            return Integer.parseInt(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "缺少版本号（version），请刷新后重试");
        }
    }

    /** The enterprise the town registers from a lead: the fields of the confirmation form (or the API's {@code enterprise}). */
    static EnterpriseDetails enterprise(Map<String, String> f) {
        String type = f.get("type");
        LocalDate reported = null;
        if (f.get("reportedOn") != null && !f.get("reportedOn").isBlank()) {
            try {
                reported = LocalDate.parse(f.get("reportedOn").strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("reportedOn", "上报时间应为 yyyy-mm-dd");
            }
        }
        return new EnterpriseDetails(
                new Identity(f.get("name"), blank(f.get("creditCode")), blank(f.get("operator")), blank(f.get("contactPerson")),
                        blank(f.get("contactPhone"))),
                new Place(division(f.get("divisionCode"), "divisionCode"), blank(f.get("address")),
                        number(f.get("longitude"), "longitude", "经度"), number(f.get("latitude"), "latitude", "纬度")),
                null, null,
                new Campaign(type == null || type.isBlank() ? missingType() : parse(EnterpriseType.class, type, "type", "企业类型"), null,
                        reported, blank(f.get("remarks"))));
    }

    private static EnterpriseType missingType() {
        throw new InvalidInputException("type", "请选择企业类型（小散乱污 / 八小）");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, String label) {
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, label + "“" + raw + "”无效");
        }
    }
}
