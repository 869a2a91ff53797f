package org.qingyuan.ledger;

import java.util.Map;
import java.util.Set;

/**
 * The compliance facts of an enterprise changed (an edit or a merge); its classification may change with them.
 *
 * @param facts every fact after the change, by JSON name (null for unknown)
 * @param changed the JSON names of the facts that changed
 */
@org.springframework.modulith.NamedInterface("events")
public record EnterpriseFactsChanged(long enterpriseId, String divisionCode, Map<String, Boolean> facts, Set<String> changed) {
}
