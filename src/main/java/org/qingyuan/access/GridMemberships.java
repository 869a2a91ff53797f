package org.qingyuan.access;

import java.util.Set;

/**
 * The grids a grid member patrols, implemented by the module that owns grids: on every request of a grid member who
 * belongs to at least one grid, his {@link CurrentUser#scope()} narrows to them ({@link Scope#grids()}). A grid member
 * of no grid keeps his village.
 */
public interface GridMemberships {

    /** The ids of the grids the user is a member of; empty when none. */
    Set<Long> gridsOf(String username);
}
