package org.qingyuan.grid;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;

/**
 * The grids, read within the caller's scope (a grid outside it is "not found"), for the patrols and other modules.
 */
public interface Grids {

    /**
     * The caller's jurisdiction with the grid level: a grid member of one or more grids sees only them (their
     * enterprises, and his village's enterprises of no grid); a grid member of no grid, and everyone else, keeps his
     * division's scope. The same as {@link CurrentUser#scope()} of a caller signed in through the web.
     */
    Scope scopeOf(CurrentUser user);

    Grid get(long id, Scope scope);

    /** The grids in the scope (of one division inside it when given), ordered by village and name. */
    List<Grid> list(String divisionCode, Scope scope);

    /** The grids a user is a member of. */
    List<Grid> ofMember(String username);

    /** The grid of an enterprise, if it has one (not scoped: callers pass an enterprise they already hold). */
    Optional<GridAssignment> ofEnterprise(long enterpriseId);

    /** The grids of many enterprises at once, by enterprise id. */
    Map<Long, GridAssignment> ofEnterprises(Collection<Long> enterpriseIds);

    /** The ids of the enterprises in a grid inside the scope. */
    List<Long> enterprisesIn(long gridId, Scope scope);
}
