package org.qingyuan.referral;

import java.util.List;

import org.qingyuan.access.CurrentUser;

/**
 * A department officer's queue (本部门待办) as one list, for other modules' overviews (his home page): the referrals
 * addressed to his department, the parts of joint operations it must still record, and the work other modules address
 * to it ({@link DepartmentWork}). The page {@code /departments/queue} shows the same.
 */
public interface DepartmentQueue {

    /** What the caller's department must still do, oldest first; empty for anyone else. */
    List<DepartmentWork.Item> pending(CurrentUser user);
}
