package org.qingyuan.access;

import java.io.Serializable;
import java.util.Objects;

import org.qingyuan.shared.DivisionCode;

/**
 * The jurisdiction of a caller, passed explicitly to every query that reads business data:
 * {@code WHERE division_code LIKE :prefix || '%'}. A department officer's division is the
 * district, and {@link #department()} names the department whose matters they handle.
 *
 * @param division the division whose business the caller sees
 * @param department the department code of a department officer, else null
 */
public record Scope(DivisionCode division, String department) implements Serializable {

    public Scope {
        Objects.requireNonNull(division, "division");
    }

    public static Scope of(DivisionCode division) {
        return new Scope(division, null);
    }

    /** The prefix to bind as {@code :prefix} in {@code division_code LIKE :prefix || '%'}. */
    public String prefix() {
        return division.prefix();
    }

    /** True when an object in this division is visible to the caller. */
    public boolean covers(DivisionCode objectDivision) {
        return objectDivision != null && division.contains(objectDivision);
    }
}
