package org.qingyuan.ledger;

import java.util.Set;

/**
 * The details of an enterprise changed.
 *
 * @param fields the JSON names of the changed fields (facts as {@code facts.<name>})
 */
@org.springframework.modulith.NamedInterface("events")
public record EnterpriseEdited(long enterpriseId, String divisionCode, int version, Set<String> fields) {
}
