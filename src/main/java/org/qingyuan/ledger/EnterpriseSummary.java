package org.qingyuan.ledger;

import java.time.LocalDate;

import org.qingyuan.shared.DivisionCode;

/** One line of the ledger list. */
public record EnterpriseSummary(EnterpriseId id, String name, String creditCode, DivisionCode division, String address,
                                String contactPerson, String contactPhone, Industry industry, boolean keyIndustry,
                                boolean eightSmall, Integer employees, EnterpriseType type, Discovery discovery,
                                LocalDate reportedOn, EnterpriseStatus status, Facts facts, boolean openDuplicates,
                                int version, ListClassification classification) {

    /**
     * The current classification as the list shows it; null when none is stored yet.
     *
     * @param category the policy's category id ({@code UNDETERMINED} while facts are missing, {@code NONE})
     * @param measureKind the measure in force (the 一企一策 override's when there is one), null for none
     * @param measureLabel the plan's own name of the measure (限期拆除), or the override's
     * @param overridden whether a 一企一策 override is in force
     * @param pending whether a reclassification is queued (重新分类中)
     */
    public record ListClassification(String category, org.qingyuan.policy.MeasureKind measureKind, String measureLabel,
                                     boolean overridden, boolean pending) {

        public boolean undetermined() {
            return "UNDETERMINED".equals(category);
        }

        /** 限期拆除, else the kind's name (关停取缔), else null. */
        public String measureText() {
            return measureLabel != null && !measureLabel.isBlank() ? measureLabel : measureKind == null ? null : measureKind.label();
        }
    }
}
