package org.qingyuan.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What persistence stores of a case besides its items, enforcements and timeline.
 *
 * @param id null for a case not stored yet
 * @param townReport what the town wrote in its survey ledger, as applied; null when nothing was imported
 * @param townRequirementSettled how the district settled a differing requirement, or null
 */
public record StoredCase(Long id, long enterpriseId, String divisionCode, MeasurePlan plan, LocalDate deadline, CaseState state,
                         ResponsiblePersons responsible, List<String> appliedEscalations, LocalDate overdueSince,
                         String acceptedBy, String acceptanceRecord, String closedOutBy, LocalDate closedOutOn,
                         TownReport townReport, String townRequirementSettled, Instant openedAt, int version) {
}
