package org.qingyuan.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A joint enforcement operation (联合执法行动): a lead department and others at a list of enterprises on one day. */
public record JointOperation(long id, String districtCode, LocalDate heldOn, String title, String leadDepartment,
                             List<String> departments, List<Target> enterprises, List<Part> parts, Instant createdAt,
                             String createdBy, int version) {

    /** An enterprise the operation visits. */
    public record Target(long enterpriseId, String enterpriseName, String divisionCode) {
    }

    /**
     * One department's part at one enterprise.
     *
     * @param caseId the rectification case the part was recorded on, or null
     * @param caseNote why it was not recorded on the case, or null
     */
    public record Part(long id, long enterpriseId, String departmentCode, String action, String outcome, Long attachmentId,
                       Long caseId, String caseNote, Instant recordedAt, String recordedBy) {
    }

    /** Every participant: the lead department first. */
    public List<String> participants() {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(leadDepartment);
        departments.stream().filter(d -> !d.equals(leadDepartment)).forEach(all::add);
        return all;
    }

    /** The part of a department at an enterprise, or null. */
    public Part part(long enterpriseId, String department) {
        return parts.stream().filter(p -> p.enterpriseId() == enterpriseId && p.departmentCode().equals(department)).findFirst().orElse(null);
    }
}
