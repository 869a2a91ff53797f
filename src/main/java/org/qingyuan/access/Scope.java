package org.qingyuan.access;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

import org.qingyuan.shared.DivisionCode;

/**
 * The jurisdiction of a caller, passed explicitly to every query that reads business data:
 * {@code WHERE division_code LIKE :prefix || '%'}. A department officer's division is the
 * district, and {@link #department()} names the department whose matters they handle. A grid member's scope is
 * narrowed to his grids ({@link #grids()}): what lies in another grid of his village is "not found" as well; what lies
 * in his village but in no grid yet stays visible to the village's grid members, so that no site is left unwatched.
 *
 * @param division the division whose business the caller sees
 * @param department the department code of a department officer, else null
 * @param grids the grid ids a grid member sees, or null when the scope is not limited by grids
 */
public record Scope(DivisionCode division, String department, Set<Long> grids) implements Serializable {

    public Scope {
        Objects.requireNonNull(division, "division");
        grids = grids == null ? null : Set.copyOf(grids);
    }

    public Scope(DivisionCode division, String department) {
        this(division, department, null);
    }

    public static Scope of(DivisionCode division) {
        return new Scope(division, null, null);
    }

    /** The same jurisdiction narrowed to the given grids (the grid level of a grid member). */
    public Scope withinGrids(Set<Long> gridIds) {
        return new Scope(division, department, gridIds == null ? Set.of() : gridIds);
    }

    /** The prefix to bind as {@code :prefix} in {@code division_code LIKE :prefix || '%'}. */
    public String prefix() {
        return division.prefix();
    }

    /** True when an object in this division is visible to the caller. */
    public boolean covers(DivisionCode objectDivision) {
        return objectDivision != null && division.contains(objectDivision);
    }

    /** True when the scope is narrowed to grids. */
    public boolean gridLimited() {
        return grids != null;
    }

    /**
     * True when an object of the grid in the division is visible to the caller: inside his division and, for a scope
     * narrowed to grids, in one of them or in none (null).
     */
    public boolean coversGrid(DivisionCode objectDivision, Long gridId) {
        return covers(objectDivision) && (grids == null || gridId == null || grids.contains(gridId));
    }
}
