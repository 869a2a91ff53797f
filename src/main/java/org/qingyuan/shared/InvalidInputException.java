package org.qingyuan.shared;

/** Input that breaks a rule, with the field it concerns; answered as 400. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String chineseMessage) {
        super(chineseMessage);
        this.field = field;
    }

    /** The name of the offending field or parameter. */
    public String field() {
        return field;
    }

    /** Parses a division code from a request, naming the parameter when it is malformed. */
    public static DivisionCode divisionCode(String field, String raw) {
        try {
            return DivisionCode.of(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }
}
