package org.qingyuan.organisation;

/**
 * The person a reporting unit names to submit its reports (联络员), as 000 and 004 ask for it.
 *
 * @param unitKey the division code of a town (street) or of the district, or a department's code
 * @param unitName the unit's name (新城街道, 生态环境)
 * @param section the department inside the unit (科室), or null
 */
public record Liaison(String unitKey, String unitName, String section, String name, String post, String phone, int version) {
}
