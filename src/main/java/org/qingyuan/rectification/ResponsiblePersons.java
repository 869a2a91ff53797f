package org.qingyuan.rectification;

import org.qingyuan.shared.InvalidInputException;

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

    /** The same units with this person named (no platform account). */
    ResponsiblePersons withPerson(String name, String phone) {
        return new ResponsiblePersons(townCode, villageCode, departmentCode, name, phone, null);
    }

    /** Refuses persons who cannot answer for a case in this division: a named person with a phone, of its town and village. */
    static void requireAnswerable(ResponsiblePersons persons, String divisionCode) {
        if (persons == null || !persons.named()) {
            throw new InvalidInputException("personName", "请填写包保责任人姓名");
        }
        if (persons.personPhone() == null || persons.personPhone().isBlank()) {
            throw new InvalidInputException("personPhone", "请填写包保责任人联系电话");
        }
        if (persons.townCode() == null || !divisionCode.startsWith(persons.townCode())) {
            throw new InvalidInputException("townCode", "包保镇（街道）须为企业所在的镇（街道）");
        }
        if (persons.villageCode() != null && !divisionCode.startsWith(persons.villageCode())) {
            throw new InvalidInputException("villageCode", "包保村（社区）须为企业所在的村（社区）");
        }
    }
}
