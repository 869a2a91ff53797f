package org.qingyuan.access;

import java.util.Set;

/**
 * The login policy values the security admin sets (defaults: GB/T 22239-2019 level 3 practice).
 *
 * @param minLength shortest password
 * @param minClasses how many of the four classes (lower, upper, digit, symbol) a password needs
 * @param maxFailures consecutive failures that lock an account
 * @param lockMinutes how long a lock lasts
 * @param idleTimeoutMinutes a session ends after this long without a request
 * @param absoluteTimeoutHours a session ends this long after sign-in, whatever happens
 * @param passwordMaxAgeDays a password must be changed after this many days; 0 for never
 * @param totpRoles roles that must use a second factor (TOTP)
 * @param addressMaxFailures failed sign-ins from one client address (over any user names) that stop further attempts
 *                           from that address until its window has passed
 * @param addressWindowMinutes the length of that window
 */
public record LoginPolicy(int minLength, int minClasses, int maxFailures, int lockMinutes, int idleTimeoutMinutes,
                          int absoluteTimeoutHours, int passwordMaxAgeDays, Set<RoleCode> totpRoles,
                          int addressMaxFailures, int addressWindowMinutes, int version) {
}
