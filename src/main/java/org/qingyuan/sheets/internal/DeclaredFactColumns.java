package org.qingyuan.sheets.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.DeclaredFact;
import org.qingyuan.ledger.DeclaredFacts;
import org.springframework.stereotype.Component;

/**
 * The template's columns for the facts the active plan declares beyond the eleven: one per fact, headed by the plan's
 * Chinese label, written into the downloadable template and recognised on import (by that label or the fact's name).
 */
@Component
public class DeclaredFactColumns {

    private final DeclaredFacts facts;

    DeclaredFactColumns(DeclaredFacts facts) {
        this.facts = facts;
    }

    /** The active plan's own facts, in its order. */
    public List<DeclaredFact> active() {
        return facts.active();
    }

    /** Normalised header ({@link SheetColumn#normalise}) → fact name, for the parser. */
    Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        for (DeclaredFact f : active()) {
            headers.putIfAbsent(SheetColumn.normalise(f.label()), f.name());
            headers.putIfAbsent(SheetColumn.normalise(f.name()), f.name());
        }
        return headers;
    }
}
