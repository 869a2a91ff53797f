package org.qingyuan.grid;

/**
 * The grid an enterprise belongs to.
 *
 * @param version the assignment's version, for a change by hand
 */
public record GridAssignment(long enterpriseId, long gridId, String gridLabel, AssignedBy assignedBy, int version) {

    /** How an enterprise came into its grid. */
    public enum AssignedBy {
        /** 按坐标: its coordinates lie inside the grid's boundary. */
        BOUNDARY("按坐标"),
        /** 人工指定: chosen by hand (the grid has no boundary, or the enterprise no coordinates). */
        HAND("人工指定");

        private final String label;

        AssignedBy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
