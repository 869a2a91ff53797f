package org.qingyuan.gatekeeping;

import org.qingyuan.access.CurrentUser;

/**
 * The gatekeeping lookup (禁入查询, 002 五1, 003 三(二), 004 四(二)): whether an enterprise or a site is in the ledger, what
 * applies to it, and whether it is banned and why. Every lookup is audited with who asked, what and the answer.
 */
public interface Gatekeeping {

    /** Looks up within the caller's jurisdiction; a malformed query is a 400 naming the parameter. */
    LookupAnswer lookup(LookupQuery query, CurrentUser caller);
}
