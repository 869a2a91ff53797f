package org.qingyuan.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseStatus;
import org.qingyuan.ledger.EnterpriseSummary;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Premises;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.shared.DivisionCode;

/** The {@code enterprise} row read back: the whole enterprise, or one line of the list. */
final class EnterpriseRows {

    private EnterpriseRows() {
    }

    static Enterprise enterprise(ResultSet rs, int row) throws SQLException {
        EnterpriseDetails details = new EnterpriseDetails(
                new Identity(rs.getString("name"), rs.getString("credit_code"), rs.getString("operator_name"),
                        rs.getString("contact_person"), rs.getString("contact_phone")),
                new Place(DivisionCode.of(rs.getString("division_code")), rs.getString("address"),
                        (Double) rs.getObject("longitude"), (Double) rs.getObject("latitude")),
                new Business(enumOf(Industry.class, rs.getString("industry")), (Boolean) rs.getObject("key_industry_set"),
                        (Boolean) rs.getObject("eight_small_set"), rs.getString("products"), rs.getString("raw_materials"),
                        rs.getString("equipment_models"), (Integer) rs.getObject("employees"), rs.getBigDecimal("output_value"),
                        enumOf(Premises.class, rs.getString("premises")), rs.getString("landlord")),
                FactsJson.read(rs.getString("facts")),
                new Campaign(EnterpriseType.valueOf(rs.getString("enterprise_type")),
                        Discovery.valueOf(rs.getString("discovery")), rs.getObject("reported_on", java.time.LocalDate.class),
                        rs.getString("remarks")));
        EnterpriseStatus status = EnterpriseStatus.valueOf(rs.getString("status"));
        Enterprise.Withdrawal withdrawal = status == EnterpriseStatus.WITHDRAWN
                ? new Enterprise.Withdrawal(WithdrawalReason.valueOf(rs.getString("withdrawal_reason")),
                rs.getString("withdrawal_note"), instant(rs, "withdrawn_at"), rs.getString("withdrawn_by"))
                : null;
        long mergedInto = rs.getLong("merged_into");
        boolean merged = !rs.wasNull();
        return new Enterprise(new EnterpriseId(rs.getLong("id")), details, rs.getBoolean("credit_code_legacy"), status,
                withdrawal, merged ? new EnterpriseId(mergedInto) : null, rs.getInt("version"),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    static EnterpriseSummary summary(ResultSet rs, int row) throws SQLException {
        return new EnterpriseSummary(new EnterpriseId(rs.getLong("id")), rs.getString("name"), rs.getString("credit_code"),
                DivisionCode.of(rs.getString("division_code")), rs.getString("address"), rs.getString("contact_person"),
                rs.getString("contact_phone"), enumOf(Industry.class, rs.getString("industry")), rs.getBoolean("key_industry"),
                rs.getBoolean("eight_small"), (Integer) rs.getObject("employees"),
                EnterpriseType.valueOf(rs.getString("enterprise_type")), Discovery.valueOf(rs.getString("discovery")),
                rs.getObject("reported_on", java.time.LocalDate.class), EnterpriseStatus.valueOf(rs.getString("status")),
                FactsJson.fromMasks(rs.getInt("facts_yes"), rs.getInt("facts_no")), rs.getBoolean("open_duplicates"),
                rs.getInt("version"), listClassification(rs));
    }

    static EnterpriseSummary.ListClassification listClassification(ResultSet rs) throws SQLException {
        String category = rs.getString("cls_category");
        if (category == null) {
            return null;
        }
        String overrideKind = rs.getString("cls_override_kind");
        String overrideLabel = rs.getString("cls_override_label");
        boolean overridden = rs.getBoolean("cls_overridden");
        String kind = overridden && overrideKind != null ? overrideKind : rs.getString("cls_measure_kind");
        String label = overridden && (overrideKind != null || overrideLabel != null) ? overrideLabel : rs.getString("cls_measure_label");
        return new EnterpriseSummary.ListClassification(category, enumOf(org.qingyuan.policy.MeasureKind.class, kind), label,
                overridden, rs.getBoolean("cls_stale"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
