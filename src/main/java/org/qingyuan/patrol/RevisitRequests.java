package org.qingyuan.patrol;

import java.time.LocalDate;

import org.qingyuan.access.Scope;

/**
 * Revisits asked for from outside the patrol module: a member of the public says on a closed-out site's notice that it
 * is producing again (complaint module), and a revisit of the site is put on the town's list at once.
 */
public interface RevisitRequests {

    /**
     * Adds a revisit (回头看) of the closed-out enterprise due on the day, with the reason, stamped by the acting user
     * (or {@code system}); answers it. 404 when the enterprise has no closed-out case in the scope.
     */
    Revisit requestRevisit(long enterpriseId, LocalDate dueOn, String reason, Scope scope);
}
