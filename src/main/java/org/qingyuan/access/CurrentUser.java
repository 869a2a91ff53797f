package org.qingyuan.access;

import java.io.Serializable;

import org.qingyuan.shared.DivisionCode;

/**
 * The signed-in user as other modules see it.
 *
 * @param division the jurisdiction: business data is visible only under this code
 * @param departmentCode the department of a department officer, else null
 */
public record CurrentUser(long id, String username, String displayName, String roleCode, String roleName,
                          DivisionCode division, String departmentCode) implements Serializable {

    /** The jurisdiction to pass to business queries. */
    public Scope scope() {
        return new Scope(division, departmentCode);
    }

    public RoleCode role() {
        return RoleCode.valueOf(roleCode);
    }
}
