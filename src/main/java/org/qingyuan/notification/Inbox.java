package org.qingyuan.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Delivers notices to users' inboxes and reads them back. */
public interface Inbox {

    /** Delivers to each user name; answers how many were new (a repeated dedup key delivers nothing). */
    int deliver(Collection<String> recipients, Notice notice);

    /** Delivers to every enabled user of the given roles whose jurisdiction covers the division. */
    int deliverToRoles(Collection<String> roleCodes, String divisionCode, Notice notice);

    long unread(String recipient);

    List<Message> messages(String recipient, int limit);

    /** Marks one message read; a message of someone else is not found. */
    void markRead(String recipient, long id);

    void markAllRead(String recipient);

    /** One delivered notice. */
    record Message(long id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {
    }
}
