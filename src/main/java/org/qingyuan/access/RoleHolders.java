package org.qingyuan.access;

import java.util.Collection;
import java.util.List;

/** Who holds a role over a place: the recipients of notices addressed to "the town office of this village". */
public interface RoleHolders {

    /** The user names of enabled accounts with one of the roles whose jurisdiction covers the division. */
    List<String> covering(Collection<String> roleCodes, String divisionCode);
}
