package org.qingyuan.grid.internal;

import org.qingyuan.shared.GeoJsonArea;

/**
 * A grid's boundary: a GeoJSON Polygon or MultiPolygon (a Feature or a FeatureCollection of one is unwrapped), in
 * WGS-84 longitude/latitude, checked to be a valid polygon ({@link GeoJsonArea}). Contains a point on its edge as well.
 */
public final class GridBoundary {

    static final String FIELD = "boundary";

    private final GeoJsonArea area;

    private GridBoundary(GeoJsonArea area) {
        this.area = area;
    }

    /** Parses GeoJSON as typed or drawn; blank means no boundary (null). Invalid input is a 400 naming the field. */
    public static GridBoundary parse(String geoJson) {
        GeoJsonArea area = GeoJsonArea.parse(geoJson, FIELD, "边界");
        return area == null ? null : new GridBoundary(area);
    }

    /** True when the point (WGS-84) lies inside the boundary or on its edge. */
    public boolean contains(double longitude, double latitude) {
        return area.contains(longitude, latitude);
    }

    /** The boundary's centre, [longitude, latitude]. */
    public double[] centre() {
        return area.centre();
    }

    /** The GeoJSON geometry as stored. */
    public String json() {
        return area.json();
    }
}
