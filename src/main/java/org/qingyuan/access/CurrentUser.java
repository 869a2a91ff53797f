package org.qingyuan.access;

import java.io.Serializable;
import java.util.Set;

import org.qingyuan.shared.DivisionCode;

/**
 * The signed-in user as other modules see it.
 *
 * @param division the jurisdiction: business data is visible only under this code
 * @param departmentCode the department of a department officer, else null
 * @param grids the grids of a grid member who has any (his scope narrows to them), else null
 */
public record CurrentUser(long id, String username, String displayName, String roleCode, String roleName,
                          DivisionCode division, String departmentCode, Set<Long> grids) implements Serializable {

    public CurrentUser {
        grids = grids == null ? null : Set.copyOf(grids);
    }

    /** A user whose scope is not narrowed to grids. */
    public CurrentUser(long id, String username, String displayName, String roleCode, String roleName,
                       DivisionCode division, String departmentCode) {
        this(id, username, displayName, roleCode, roleName, division, departmentCode, null);
    }

    /** The jurisdiction to pass to business queries. */
    public Scope scope() {
        return new Scope(division, departmentCode, grids);
    }

    /** The same user with his scope narrowed to the given grids (none: not narrowed). */
    public CurrentUser withGrids(Set<Long> gridIds) {
        return new CurrentUser(id, username, displayName, roleCode, roleName, division, departmentCode,
                gridIds == null || gridIds.isEmpty() ? null : gridIds);
    }

    public RoleCode role() {
        return RoleCode.valueOf(roleCode);
    }
}
