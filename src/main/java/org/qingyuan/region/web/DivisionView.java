package org.qingyuan.region.web;

import org.qingyuan.region.Division;

/** A division as the API shows it. */
record DivisionView(String code, String name, String level, String levelName, String parentCode, int childCount) {

    static DivisionView of(Division division) {
        return new DivisionView(division.code().value(), division.name(), division.level().name(),
                division.level().label(), division.parentCode() == null ? null : division.parentCode().value(),
                division.childCount());
    }
}
