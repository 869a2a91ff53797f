package org.qingyuan.rectification;

/**
 * 包保 / 分包责任人 (001 附件1, 002 五2): the units and the named person answerable for a case.
 *
 * @param townCode the town or street, the implementing subject
 * @param villageCode the village or community, or null
 * @param departmentCode the functional department in charge, or null
 * @param personName the named responsible person
 * @param personPhone how to reach them
 * @param username the person's platform account, when they have one: reminders go to its inbox
 */
public record ResponsiblePersons(String townCode, String villageCode, String departmentCode, String personName,
                                 String personPhone, String username) {

    public ResponsiblePersons(String townCode, String villageCode, String departmentCode, String personName, String personPhone) {
        this(townCode, villageCode, departmentCode, personName, personPhone, null);
    }

    /** Only the town (from the enterprise's division), before anyone is named. */
    public static ResponsiblePersons townOf(String divisionCode) {
        String town = divisionCode.length() >= 9 ? divisionCode.substring(0, 9) : divisionCode;
        String village = divisionCode.length() == 12 ? divisionCode : null;
        return new ResponsiblePersons(town, village, null, null, null, null);
    }

    public boolean named() {
        return personName != null && !personName.isBlank();
    }
}
