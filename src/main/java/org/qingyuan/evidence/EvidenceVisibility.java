package org.qingyuan.evidence;

import org.qingyuan.access.Scope;

/**
 * Whether an owner's evidence is hidden from a scope narrowed to grids ({@link Scope#gridLimited()}) although it lies in
 * the scope's division: the module that owns the kind of object answers for its own type (an enterprise of another
 * grid, a case of such an enterprise), so that a download answers "not found" exactly as for another division.
 */
@org.springframework.modulith.NamedInterface("spi")
public interface EvidenceVisibility {

    /** True when the owner's evidence must not be shown to the scope; false for types the implementation does not own. */
    boolean hides(EvidenceOwner owner, Scope scope);
}
