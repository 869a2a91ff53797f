package org.qingyuan.ledger.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.springframework.stereotype.Component;

/** Division names as the ledger shows and compares them, cached: divisions are reference data that do not change while running. */
@Component
public class DivisionNames {

    private final Divisions divisions;
    private final Map<DivisionCode, List<String>> paths = new ConcurrentHashMap<>();
    private final Map<DivisionCode, String> fullNames = new ConcurrentHashMap<>();
    private final Map<DivisionCode, String> localNames = new ConcurrentHashMap<>();

    DivisionNames(Divisions divisions) {
        this.divisions = divisions;
    }

    /** The names from the province down to the division (empty when the code is unknown). */
    public List<String> path(DivisionCode code) {
        return paths.computeIfAbsent(code, c -> divisions.path(c).stream().map(Division::name).toList());
    }

    /** E.g. 郑州市惠济区新城街道金河社区居民委员会. */
    public String fullName(DivisionCode code) {
        return code == null ? null : fullNames.computeIfAbsent(code, divisions::fullName);
    }

    /** The town and village only, shortened for lists: 新城街道 金河社区. */
    public String localName(DivisionCode code) {
        if (code == null) {
            return null;
        }
        return localNames.computeIfAbsent(code, c -> {
            List<Division> path = divisions.path(c);
            StringBuilder name = new StringBuilder();
            for (Division d : path) {
                if (d.level() == DivisionLevel.TOWN || d.level() == DivisionLevel.VILLAGE) {
                    if (!name.isEmpty()) {
                        name.append(' ');
                    }
                    name.append(shortName(d.name()));
                }
            }
            return name.isEmpty() && !path.isEmpty() ? path.get(path.size() - 1).name() : name.toString();
        });
    }

    /** 金河社区居民委员会 → 金河社区, 前刘村民委员会 → 前刘村. */
    public static String shortName(String name) {
        return org.qingyuan.region.Division.shortName(name);
    }
}
