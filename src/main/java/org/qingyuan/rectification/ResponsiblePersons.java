package org.qingyuan.rectification;

/**
 * 包保 / 分包责任人 (001 附件1, 002 五2): the units and the named person answerable for a case.
 *
 * @param townCode the town or street, the implementing subject
 * @param villageCode the village or community
 * @param departmentCode the functional department in charge, or null
 * @param personName the named responsible person
 * @param personPhone how to reach them
 */
public record ResponsiblePersons(String townCode, String villageCode, String departmentCode, String personName,
                                 String personPhone) {
}
