package org.qingyuan.supervision.internal;

import java.util.Set;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Who sees what of supervision, as SQL conditions: the office, supervisors and leaders everything in their district; a
 * town or village its own tasks except covert ones not yet done, and its own problems once handed over; a department
 * the problems handed to it.
 */
final class Visibility {

    private static final Set<RoleCode> ALL = Set.of(RoleCode.DISTRICT_OFFICE, RoleCode.SUPERVISOR, RoleCode.LEADER);

    private Visibility() {
    }

    static boolean seesAll(CurrentUser user) {
        return ALL.contains(user.role());
    }

    /** The condition on {@code t} (inspection_task) for the user; binds {@code :prefix}. */
    static String tasks(CurrentUser user, MapSqlParameterSource params) {
        params.addValue("prefix", user.scope().prefix());
        String within = "t.division_code LIKE :prefix || '%'";
        if (seesAll(user)) {
            return within;
        }
        if (user.role() == RoleCode.DEPARTMENT_OFFICER) {
            return "false";
        }
        return within + " AND (NOT t.covert OR t.state = 'DONE')";
    }

    /** The condition on {@code p} (supervision_problem) for the user; binds {@code :prefix} (and {@code :department}). */
    static String problems(CurrentUser user, MapSqlParameterSource params) {
        params.addValue("prefix", user.scope().prefix());
        String within = "p.division_code LIKE :prefix || '%'";
        if (seesAll(user)) {
            return within;
        }
        if (user.role() == RoleCode.DEPARTMENT_OFFICER) {
            params.addValue("department", user.departmentCode() == null ? "" : user.departmentCode());
            return "p.handed_to_kind = 'DEPARTMENT' AND p.handed_to = :department";
        }
        return within + " AND p.state <> 'FOUND'";
    }
}
