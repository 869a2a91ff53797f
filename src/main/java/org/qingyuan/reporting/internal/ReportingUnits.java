package org.qingyuan.reporting.internal;

import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.Departments;
import org.qingyuan.platform.Deployment;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionLevel;
import org.springframework.stereotype.Component;

/** The units that report: the district office, each town (street) of the home district, each department. */
@Component
class ReportingUnits {

    /** A unit: its key (division code or department code), name, kind (DISTRICT, TOWN, DEPARTMENT) and division. */
    record Unit(String key, String name, String kind, String division) {
    }

    private final Divisions divisions;
    private final Departments departments;
    private final Deployment deployment;

    ReportingUnits(Divisions divisions, Departments departments, Deployment deployment) {
        this.divisions = divisions;
        this.departments = departments;
        this.deployment = deployment;
    }

    List<Unit> all() {
        String district = deployment.homeDistrict().value();
        List<Unit> units = new ArrayList<>();
        units.add(new Unit(district, divisions.get(deployment.homeDistrict()).name() + "整治办", "DISTRICT", district));
        for (Division town : divisions.children(deployment.homeDistrict())) {
            if (town.level() == DivisionLevel.TOWN) {
                units.add(new Unit(town.code().value(), town.name(), "TOWN", town.code().value()));
            }
        }
        departments.all().forEach(d -> units.add(new Unit(d.code(), d.name(), "DEPARTMENT", district)));
        return units;
    }
}
