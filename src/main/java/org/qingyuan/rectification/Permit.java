package org.qingyuan.rectification;

import java.time.LocalDate;

/**
 * 补办的手续: which permit was obtained, its number and date.
 *
 * @param name e.g. 排污许可证、环评批复、营业执照
 */
public record Permit(String name, String number, LocalDate issuedOn) {

    public boolean complete() {
        return name != null && !name.isBlank() && number != null && !number.isBlank() && issuedOn != null;
    }
}
