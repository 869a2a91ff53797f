package org.qingyuan.ledger;

import java.util.Map;

/**
 * An enterprise entered the ledger.
 *
 * @param facts every compliance fact by JSON name: true, false, or null for unknown
 */
@org.springframework.modulith.NamedInterface("events")
public record EnterpriseRegistered(long enterpriseId, String divisionCode, EnterpriseType type, Industry industry,
                                   boolean keyIndustry, boolean eightSmall, Map<String, Boolean> facts) {
}
