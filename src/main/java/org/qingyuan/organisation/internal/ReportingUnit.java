package org.qingyuan.organisation.internal;

import org.qingyuan.organisation.Liaison;

/**
 * A unit that reports: a town (street), a department, or the district office itself.
 *
 * @param key the division code of the town or district, or the department's code
 * @param divisionCode where the unit lies (its town, or the district for the district office and departments)
 * @param liaison its liaison, or null when it has named none
 */
public record ReportingUnit(String key, String name, Kind kind, String divisionCode, Liaison liaison) {

    public enum Kind {
        DISTRICT("区办"), TOWN("镇（街道）"), DEPARTMENT("部门");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean hasLiaison() {
        return liaison != null;
    }
}
