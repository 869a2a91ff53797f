package org.qingyuan.organisation;

import java.util.Optional;

import org.qingyuan.shared.DivisionCode;

/** The liaisons of the reporting units, for the forms' 联络员 / 联系电话 lines. */
public interface Liaisons {

    /**
     * The liaison of the unit that reports for a division: its town (street) for a town, village or community, the
     * district office for the district; empty when that unit has named none.
     */
    Optional<Liaison> forDivision(DivisionCode division);
}
