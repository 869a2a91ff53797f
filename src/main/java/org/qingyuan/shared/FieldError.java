package org.qingyuan.shared;

/**
 * One broken rule of a submitted form or body.
 *
 * @param field the field's name as the client sent it, e.g. {@code contactPhone}
 * @param message what is wrong, in Chinese, naming the field
 */
public record FieldError(String field, String message) {
}
