package org.qingyuan.map.internal;

import java.util.List;

/**
 * What the map shows of a view: single markers, or (too many for the view) cells of a grid with their counts.
 *
 * @param mode {@code points} or {@code cells}
 * @param cellDegrees the cell's side in degrees (0 for points)
 */
public record MapView(String mode, double cellDegrees, List<Point> points, List<Cell> cells) {

    /**
     * One enterprise's marker.
     *
     * @param measure SHUTDOWN, RELOCATE, REMEDIATE, SUPERVISE or null (not classified)
     * @param state the case's state, or null without a case
     * @param overdue the case is open and past its deadline
     */
    public record Point(long id, double lat, double lng, String measure, String state, boolean overdue, boolean dueSoon) {
    }

    /**
     * The enterprises of one cell: where their mean position is, how many, how many overdue, their most frequent measure.
     */
    public record Cell(double lat, double lng, long count, long overdue, String measure) {
    }
}
