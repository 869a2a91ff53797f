package org.qingyuan.audit;

import java.time.LocalDate;

/**
 * Filters of the audit viewer; null means "any".
 *
 * @param from first day (China time), inclusive
 * @param to last day (China time), inclusive
 * @param username exact user name
 * @param action part of the action name
 * @param objectType exact object type
 * @param objectId exact object id
 * @param outcome SUCCESS, FAILURE or DENIED
 */
public record AuditQuery(LocalDate from, LocalDate to, String username, String action, String objectType,
                         String objectId, String outcome, int page, int size) {

    public AuditQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 500);
    }
}
