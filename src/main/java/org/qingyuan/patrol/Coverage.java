package org.qingyuan.patrol;

import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.shared.DivisionCode;

/**
 * Whether patrols really reached the sites (真正到过现场): for a division and a period, by grid, village or town, how many
 * of the ledger's enterprises (as the ledger stood at the period's end) had a check-in at the site — within the
 * geofence, the phone's position no farther than the configured distance — and how many were never visited, with the
 * day and night patrols of the period. Limited to the scope: a division outside it is "not found".
 */
public interface Coverage {

    /** How the rows are grouped. */
    enum By { GRID, VILLAGE, TOWN }

    /**
     * One row (or the total).
     *
     * @param key a grid id, a division code, or NONE (enterprises in no grid)
     * @param nightPatrols night patrols are the towns': counted on town rows and the total, null elsewhere
     */
    record Row(String key, String label, int enterprises, int visited, int dayPatrols, Integer nightPatrols) {

        public int unvisited() {
            return enterprises - visited;
        }

        /** Visited ÷ enterprises, two decimals; null without enterprises. */
        public Double rate() {
            return enterprises == 0 ? null : Math.round(visited * 100.0 / enterprises) / 100.0;
        }
    }

    record Table(DivisionCode division, String divisionName, LocalDate from, LocalDate to, By by, int maxDistanceM, Row total,
                 List<Row> rows) {
    }

    /** An enterprise of the ledger no check-in of the period reached. */
    record Unvisited(long enterpriseId, String name, String divisionCode, String gridLabel) {
    }

    Table table(Scope scope, DivisionCode division, By by, LocalDate from, LocalDate to);

    /** The never-visited enterprises of a row ({@code key} as in {@link Row#key()}; null for all), by division and name. */
    List<Unvisited> unvisited(Scope scope, DivisionCode division, By by, String key, LocalDate from, LocalDate to);
}
