package org.qingyuan.gatekeeping;

import java.time.LocalDate;
import java.util.List;

/**
 * A landlord (出租方) with the premises let to enterprises of the ledger, the guarantee letters signed (保证书, 002 五1)
 * and the notices to stop leasing.
 *
 * @param kind PERSON, COMPANY or VILLAGE_COLLECTIVE (村集体)
 * @param enterpriseIds the tenants, by enterprise id
 */
public record Landlord(long id, String divisionCode, String name, String kind, String contactPerson, String contactPhone,
                       int version, List<Long> enterpriseIds, List<Guarantee> guarantees, List<LeaseNotice> notices) {

    public boolean villageCollective() {
        return "VILLAGE_COLLECTIVE".equals(kind);
    }

    public String kindLabel() {
        return switch (kind) {
            case "VILLAGE_COLLECTIVE" -> "村集体";
            case "COMPANY" -> "单位";
            default -> "个人";
        };
    }

    /** A signed guarantee letter: its date and its file in the evidence store. */
    public record Guarantee(long id, LocalDate signedOn, long attachmentId, String recordedBy) {
    }

    /**
     * The landlord was told to stop leasing to the tenant, confirmed as 散乱污 under the measure.
     *
     * @param assessmentFlag true for a village collective's lease: counted in the town's responsibility assessment
     */
    public record LeaseNotice(long enterpriseId, String measure, boolean assessmentFlag, java.time.Instant notifiedAt) {
    }
}
