package org.qingyuan.policy;

import java.util.List;

/**
 * A policy as listed: its latest version, whether it is active, and its versions.
 *
 * @param activeVersion the version in force when this policy is the active one, else null
 */
public record PolicySummary(String id, int version, String title, String issuer, String document, String region,
                            Integer activeVersion, List<Integer> versions) {

    public boolean active() {
        return activeVersion != null;
    }
}
