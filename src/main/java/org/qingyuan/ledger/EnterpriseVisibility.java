package org.qingyuan.ledger;

import java.util.Set;

import org.qingyuan.access.Scope;

/**
 * What a scope narrowed to grids ({@link Scope#gridLimited()}) must not see of the enterprises in its division: those of
 * the other grids. Implemented by the module that owns grids, so that the ledger, the cases and the dossier answer
 * "not found" for them exactly as for an enterprise outside the division.
 */
@org.springframework.modulith.NamedInterface("spi")
public interface EnterpriseVisibility {

    /** The ids of the enterprises in the scope's division that it does not see; empty for a scope not narrowed. */
    Set<Long> hidden(Scope scope);

    /** The ids hidden from the scope by all the given contributors (none when the scope is not narrowed to grids). */
    static Set<Long> hidden(java.util.List<EnterpriseVisibility> contributors, Scope scope) {
        if (!scope.gridLimited()) {
            return Set.of();
        }
        Set<Long> hidden = new java.util.HashSet<>();
        contributors.forEach(c -> hidden.addAll(c.hidden(scope)));
        return hidden;
    }
}
