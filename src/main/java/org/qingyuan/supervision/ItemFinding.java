package org.qingyuan.supervision;

/**
 * What an inspection found for one item of the enterprise's case (or for "no illegal production").
 *
 * @param item the requirement's code, or {@link #NO_PRODUCTION}
 * @param claimed true when the town has recorded the item as done
 * @param ok true when the site matches (e.g. 断电 claimed and the site is without power)
 * @param note what was seen, required when not ok
 */
public record ItemFinding(String item, String label, boolean claimed, boolean ok, String note) {

    /** The item every inspection checks: no illegal production on the site. */
    public static final String NO_PRODUCTION = "NO_PRODUCTION";
    public static final String NO_PRODUCTION_LABEL = "现场无违法生产";
}
