package org.qingyuan.shared;

import java.util.List;

/**
 * Several broken rules at once, each with its field; answered as 400 problem+json with an
 * {@code errors} list of {@code {field, message}}. Pages show each message beside its field.
 */
public class ValidationException extends InvalidInputException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.isEmpty() ? null : errors.get(0).field(), summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Throws when the list is not empty. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).message();
        }
        // every message, so that a page showing only the summary still names each field to mend
        return "提交的内容有 " + errors.size() + " 处错误："
                + String.join("；", errors.stream().map(FieldError::message).toList());
    }
}
