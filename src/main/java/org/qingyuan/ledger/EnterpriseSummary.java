package org.qingyuan.ledger;

import java.time.LocalDate;

import org.qingyuan.shared.DivisionCode;

/** One line of the ledger list. */
public record EnterpriseSummary(EnterpriseId id, String name, String creditCode, DivisionCode division, String address,
                                String contactPerson, String contactPhone, Industry industry, boolean keyIndustry,
                                boolean eightSmall, Integer employees, EnterpriseType type, Discovery discovery,
                                LocalDate reportedOn, EnterpriseStatus status, Facts facts, boolean openDuplicates,
                                int version) {
}
