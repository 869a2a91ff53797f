package org.qingyuan.access;

import java.util.Optional;

/** How to reach a user: the name they are shown by and the phone recorded on their account. */
public interface UserContacts {

    /** The contact of a user name, if the account exists. */
    Optional<Contact> contact(String username);

    /** @param phone null when the account records none */
    record Contact(String displayName, String phone) {
    }
}
