package org.qingyuan.map.internal;

import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.gatekeeping.RedLineAreas;
import org.qingyuan.grid.Grids;
import org.springframework.stereotype.Component;

/**
 * The map's overlays with boundaries: the grids of the jurisdiction and the red-line areas that apply in it. Zones
 * (inside / outside the second ring) are lists of divisions in the plans, without boundaries: nothing to draw yet.
 */
@Component
public class Layers {

    private final Grids grids;
    private final RedLineAreas redLines;

    Layers(Grids grids, RedLineAreas redLines) {
        this.grids = grids;
        this.redLines = redLines;
    }

    /** Every overlay with a boundary (its GeoJSON geometry as text, for the browser to parse). */
    public List<Layer> of(Scope scope) {
        List<Layer> layers = new ArrayList<>();
        grids.list(null, scope).stream().filter(g -> g.boundary() != null)
                .forEach(g -> layers.add(new Layer("grid", g.villageName() + " " + g.name(), g.boundary())));
        redLines.applicable(scope.division()).stream().filter(a -> a.boundary() != null && !a.boundary().isBlank())
                .forEach(a -> layers.add(new Layer("redLine", a.name(), a.boundary())));
        return layers;
    }

    /**
     * One overlay.
     *
     * @param kind {@code grid} or {@code redLine}
     * @param geometry a GeoJSON geometry (Polygon or MultiPolygon) as text
     */
    public record Layer(String kind, String name, String geometry) {
    }
}
