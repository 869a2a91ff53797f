package org.qingyuan.ledger.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.qingyuan.ledger.internal.DivisionNames;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.springframework.stereotype.Component;

/** The divisions a user may pick inside their jurisdiction: towns with their villages, for filters and forms. */
@Component
class DivisionOptions {

    /**
     * @param selectable false for a town whose villages must be chosen instead (forms)
     */
    record Option(String code, String label, boolean town, boolean selectable) {
    }

    private final Divisions divisions;
    private final Map<DivisionCode, List<Option>> cache = new ConcurrentHashMap<>();

    DivisionOptions(Divisions divisions) {
        this.divisions = divisions;
    }

    List<Option> within(DivisionCode scope) {
        return cache.computeIfAbsent(scope, this::load);
    }

    private List<Option> load(DivisionCode scope) {
        List<Option> options = new ArrayList<>();
        Division root = divisions.find(scope).orElse(null);
        if (root == null) {
            return options;
        }
        List<Division> towns = switch (root.level()) {
            case VILLAGE -> List.of();
            case TOWN -> List.of(root);
            default -> root.level() == DivisionLevel.COUNTY ? divisions.children(scope) : List.of();
        };
        if (root.level() == DivisionLevel.VILLAGE) {
            options.add(new Option(root.code().value(), DivisionNames.shortName(root.name()), false, true));
        }
        for (Division town : towns) {
            List<Division> villages = divisions.children(town.code());
            options.add(new Option(town.code().value(), town.name(), true, villages.isEmpty()));
            for (Division village : villages) {
                options.add(new Option(village.code().value(), DivisionNames.shortName(village.name()), false, true));
            }
        }
        return List.copyOf(options);
    }
}
