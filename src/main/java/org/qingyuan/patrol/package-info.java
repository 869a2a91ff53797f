/**
 * Patrols (巡查): the grid members' daily patrols with their daily lists, the towns' night patrols (夜查) planned in a
 * rota, check-ins at sites with the phone's position and photos, and their findings: nothing, a new suspected site
 * (published for the lead queue), or a rebound at a closed site (the case reopens at once, the leaders, the police and
 * the district office are alerted, the scene is held until enforcement arrives).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patrols")
package org.qingyuan.patrol;
