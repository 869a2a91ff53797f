package org.qingyuan.access;

import java.util.Collection;
import java.util.List;

/** Who holds a role over a place: the recipients of notices addressed to "the town office of this village". */
public interface RoleHolders {

    /** The user names of enabled accounts with one of the roles whose jurisdiction covers the division. */
    List<String> covering(Collection<String> roleCodes, String divisionCode);

    /** The user names of enabled accounts with one of the roles anywhere in the division (a town's officers are in the district). */
    List<String> within(Collection<String> roleCodes, String divisionCode);

    /** The user names of the enabled officers of a department (their notices, e.g. the department's report reminders). */
    List<String> ofDepartment(String departmentCode);

    /** The user names of enabled accounts whose phone is the number (a liaison who also has an account), in its division. */
    List<String> byPhone(String phone, String divisionCode);
}
