package org.qingyuan.notification;

/**
 * A message for the inbox.
 *
 * @param kind what it is about, e.g. {@code CASE_DUE_SOON}, {@code CASE_OVERDUE}, {@code CASE_ESCALATED}
 * @param link the page it points to, or null
 * @param dedupKey sending twice with the same key to the same person delivers once, or null
 */
public record Notice(String kind, String title, String body, String link, String dedupKey) {
}
