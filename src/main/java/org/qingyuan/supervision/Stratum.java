package org.qingyuan.supervision;

/**
 * A stratum of a town's population for the draw: the disposal measure of the enterprise's case and the case's state
 * group. Closed-out sites form strata of their own, because that is where false reporting hides.
 *
 * @param measure the measure kind of the case (SHUTDOWN, RELOCATE, REMEDIATE …), or {@code NONE} without a case
 * @param state {@link #CLOSED_OUT}, {@link #OPEN} or {@link #NO_CASE}
 */
public record Stratum(String measure, String state) implements Comparable<Stratum> {

    public static final String CLOSED_OUT = "CLOSED_OUT";
    public static final String OPEN = "OPEN";
    public static final String NO_CASE = "NO_CASE";

    public Stratum {
        if (measure == null || measure.isBlank() || state == null || state.isBlank()) {
            throw new IllegalArgumentException("a stratum needs a measure and a state");
        }
    }

    public boolean closedOut() {
        return CLOSED_OUT.equals(state);
    }

    /** The stratum as written in the frozen population list: {@code MEASURE/STATE}. */
    public String key() {
        return measure + "/" + state;
    }

    /** The stratum in Chinese: 关停取缔 · 已销号, 整治规范 · 整治中, 无整治任务. */
    public String label() {
        if (NO_CASE.equals(state)) {
            return "无整治任务";
        }
        String m;
        try {
            m = org.qingyuan.policy.MeasureKind.valueOf(measure).label();
        } catch (IllegalArgumentException e) {
            m = measure;
        }
        return m + " · " + (closedOut() ? "已销号" : "整治中");
    }

    @Override
    public int compareTo(Stratum other) {
        return key().compareTo(other.key());
    }
}
