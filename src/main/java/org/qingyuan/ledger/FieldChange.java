package org.qingyuan.ledger;

/**
 * One field of one version: its value before and after.
 *
 * @param field the JSON name, e.g. {@code contactPhone} or {@code facts.hasFireApproval}
 * @param label the Chinese name shown in the history tab
 */
public record FieldChange(String field, String label, Object oldValue, Object newValue) {
}
