/**
 * Grids (网格) below villages: a name, the village, an optional boundary and the grid members who patrol it; each
 * enterprise's grid (by its coordinates inside a boundary, otherwise chosen by hand); the grid level of a grid member's
 * jurisdiction ({@link org.qingyuan.grid.Grids#scopeOf}). Every change is versioned and audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grids")
package org.qingyuan.grid;
