package org.qingyuan.statistics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.statistics.Dimension;

/**
 * The groups of a dimension: the SQL expression that gives an enterprise's key (over {@code e}, the ledger as of the
 * date, and {@code c}, its case then), and the groups listed even when empty, with their Chinese names, in order.
 */
final class Groups {

    static final String NONE = "NONE";
    static final String UNCLASSIFIED = "UNCLASSIFIED";

    private Groups() {
    }

    static String keySql(Dimension by) {
        return switch (by) {
            case TOWN -> "left(e.division_code, 9)";
            case VILLAGE -> "e.division_code";
            case TYPE -> "e.enterprise_type";
            case CATEGORY -> "coalesce(e.category, '" + UNCLASSIFIED + "')";
            case MEASURE -> "coalesce(e.measure, '" + NONE + "')";
            case STATE -> "coalesce(c.state, '" + NONE + "')";
        };
    }

    /** Key → label of the groups always listed, in their order (places of the division, every enum value). */
    static Map<String, String> listed(Dimension by, DivisionCode division, Divisions divisions) {
        Map<String, String> groups = new LinkedHashMap<>();
        switch (by) {
            case TOWN -> places(division, DivisionLevel.TOWN, divisions).forEach(d -> groups.put(d.code().value(), Division.shortName(d.name())));
            case VILLAGE -> places(division, DivisionLevel.VILLAGE, divisions).forEach(d -> groups.put(d.code().value(), Division.shortName(d.name())));
            case TYPE -> Arrays.stream(EnterpriseType.values()).forEach(t -> groups.put(t.name(), t.label()));
            case CATEGORY -> {
            }
            case MEASURE -> {
                Arrays.stream(MeasureKind.values()).forEach(m -> groups.put(m.name(), m.label()));
                groups.put(NONE, "无处置措施");
            }
            case STATE -> {
                Arrays.stream(CaseState.values()).forEach(s -> groups.put(s.name(), s.label()));
                groups.put(NONE, "未立案");
            }
        }
        return groups;
    }

    /** The label of a key found in the data but not listed (a category, or a place outside the division tree). */
    static String label(Dimension by, String key, String categoryLabel, Divisions divisions) {
        return switch (by) {
            case CATEGORY -> UNCLASSIFIED.equals(key) ? "未分类" : categoryLabel != null ? categoryLabel : key;
            case TOWN, VILLAGE -> DivisionCode.isValid(key)
                    ? divisions.find(DivisionCode.of(key)).map(d -> Division.shortName(d.name())).orElse(key) : key;
            default -> key;
        };
    }

    /** The towns (or villages) of a division; the division itself when it is at or below that level. */
    private static List<Division> places(DivisionCode division, DivisionLevel level, Divisions divisions) {
        List<Division> result = new ArrayList<>();
        collect(divisions.get(division), level, divisions, result);
        return result;
    }

    private static void collect(Division d, DivisionLevel level, Divisions divisions, List<Division> into) {
        if (d.level().ordinal() >= level.ordinal() || !d.hasChildren()) {
            if (d.level() == level) {
                into.add(d);
            }
            return;
        }
        for (Division child : divisions.children(d.code())) {
            collect(child, level, divisions, into);
        }
    }
}
