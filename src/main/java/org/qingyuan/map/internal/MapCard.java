package org.qingyuan.map.internal;

import java.time.LocalDate;

/**
 * An enterprise as the map shows it in its card (and in the unplaced list, without case and position).
 *
 * @param measure the measure's name (SHUTDOWN …), or null
 * @param caseId its rectification case, or null
 * @param state the case's state name, or null
 */
public record MapCard(long id, String name, String divisionCode, String address, Double latitude, Double longitude,
                      int version, String categoryLabel, String measure, Long caseId, String state, LocalDate deadline,
                      boolean overdue) {
}
