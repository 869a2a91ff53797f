package org.qingyuan.patrol.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the patrols ({@code qingyuan.patrol.*}).
 *
 * @param maxCheckInDistanceM how far from the enterprise's coordinates a check-in (the phone's position) may be before it is flagged
 * @param policeDepartment the department code whose officers are the police contact alerted of a rebound
 * @param townLeaderRoles the roles of a town's main leaders, alerted of a rebound in the town
 * @param districtOfficeRoles the roles of the district office, alerted of every rebound in the district
 */
@ConfigurationProperties("qingyuan.patrol")
public record PatrolProperties(@DefaultValue("200") int maxCheckInDistanceM,
                               @DefaultValue("PUBLIC_SECURITY") String policeDepartment,
                               @DefaultValue("TOWN_OFFICER") List<String> townLeaderRoles,
                               @DefaultValue("DISTRICT_OFFICE") List<String> districtOfficeRoles) {
}
