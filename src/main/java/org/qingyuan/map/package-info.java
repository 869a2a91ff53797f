/**
 * The battle map (挂图作战 as a map) and the home pages by role: the jurisdiction's enterprises on a map clustered on
 * the server, the unplaced ones placed by a click, county outlines for an offline base map, and each role's dashboard
 * from the statistics the platform already computes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Map")
package org.qingyuan.map;
