package org.qingyuan.region;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;

/** Reads the division tree. Divisions are public reference data, the same for every user. */
public interface Divisions {

    Optional<Division> find(DivisionCode code);

    /** The division, or an exception saying in Chinese that the code is unknown. */
    default Division get(DivisionCode code) {
        return find(code).orElseThrow(() -> new DivisionNotFoundException(code));
    }

    /** Divisions directly below, ordered by code. */
    List<Division> children(DivisionCode code);

    /** From the province down to the division itself. */
    List<Division> path(DivisionCode code);

    /**
     * Divisions whose name contains the text, optionally only inside one division,
     * most significant level first, at most {@code limit}.
     */
    List<Division> search(String text, DivisionCode within, int limit);

    /**
     * The name people say: the city (or, under a placeholder 市辖区 / 县, the province) followed
     * by the lower levels, e.g. 郑州市惠济区, 天津市滨海新区, 郑州市惠济区新城街道.
     */
    String fullName(DivisionCode code);

    /** How many divisions are loaded, by level. */
    Map<DivisionLevel, Integer> countByLevel();
}
