package org.qingyuan.referral;

import java.time.Instant;
import java.util.List;

/**
 * A department with its duties in the campaign as the district keeps them, and its officers' accounts.
 *
 * @param source the section of the documents the duties come from
 * @param version 0 while the shipped text stands; each edit adds one
 */
public record DepartmentDuty(String code, String name, String duties, String source, List<String> officers, int version,
                             Instant updatedAt, String updatedBy) {
}
