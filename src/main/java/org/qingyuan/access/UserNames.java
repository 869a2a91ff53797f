package org.qingyuan.access;

import java.util.Collection;
import java.util.Map;

/** The names people are shown by (新城街道 张伟) for the user names that records keep ({@code system} is 系统). */
public interface UserNames {

    /** The display name of each known user name; unknown ones are left out. */
    Map<String, String> displayNames(Collection<String> usernames);
}
