package org.qingyuan.ledger.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.qingyuan.shared.FieldError;

/**
 * An enterprise in the API: flat fields as the official forms list them, the compliance facts
 * as an object of booleans ({@code null} for unknown) and their sources beside it. The same
 * shape is accepted by POST (read-only members are ignored) and, as a JSON merge patch, by PATCH.
 *
 * @param reason why the change is made (input; required for edits)
 * @param warnings accepted with a remark, e.g. an early-pilot credit code (output)
 * @param possibleDuplicates records that may be the same enterprise (output)
 * @param classification its classification under the active policy (output; see docs/policies.md)
 */
public record EnterpriseJson(
        Long id, String name, String creditCode, Boolean creditCodeLegacy, String operator, String contactPerson,
        String contactPhone, String divisionCode, String divisionName, String address, Double longitude, Double latitude,
        String industry, String industryName, String industryGroup, Boolean keyIndustry, Boolean eightSmall, String products,
        String rawMaterials, String equipmentModels, Integer employees, BigDecimal outputValue, String premises,
        String landlord, Map<String, Boolean> facts, Map<String, FactDetail> factDetails, String type, String discovery,
        LocalDate reportedOn, String remarks, String status, Withdrawal withdrawal, Long mergedInto, Integer version,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, String reason, List<FieldError> warnings,
        List<Duplicate> possibleDuplicates, ClassificationJson classification) {

    /** Where a fact comes from and as of when. */
    public record FactDetail(String source, String sourceName, LocalDate asOf) {
    }

    /** Why and when the enterprise left the ledger. */
    public record Withdrawal(String reason, String reasonName, String note, Instant at, String by) {
    }

    /** A possible duplicate. */
    public record Duplicate(long id, String name, String divisionCode, String address, List<String> reasons, List<String> reasonNames) {
    }

    /** The members a client may send; the others are computed. */
    static final List<String> INPUT = List.of("name", "creditCode", "operator", "contactPerson", "contactPhone", "divisionCode",
            "address", "longitude", "latitude", "industry", "keyIndustry", "eightSmall", "products", "rawMaterials",
            "equipmentModels", "employees", "outputValue", "premises", "landlord", "facts", "factDetails", "type", "discovery",
            "reportedOn", "remarks", "version", "reason");
}
