package org.qingyuan.policy.internal;

import java.util.HashMap;
import java.util.Map;

import org.qingyuan.policy.Facts;

/** An enterprise with everything in order, changed fact by fact. */
final class FactsBuilder {

    private final Map<String, Object> values = new HashMap<>();

    private FactsBuilder() {
        values.put("emissionsOverStandard", false);
        values.put("conformsToPlanning", true);
        values.put("hasFireApproval", true);
        values.put("hasEiaApproval", true);
        values.put("hasPlanningApproval", true);
        values.put("hasBusinessLicence", true);
        values.put("hasIllegalBuildings", false);
        values.put("hasSafetyHazard", false);
    }

    /** Standard facts all in order. */
    static FactsBuilder compliant() {
        return new FactsBuilder();
    }

    FactsBuilder with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    Facts build() {
        return Facts.of(values);
    }
}
