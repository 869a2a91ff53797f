package org.qingyuan.gatekeeping.internal;

import org.qingyuan.shared.GeoJsonArea;

/**
 * A red-line area's polygon: GeoJSON Polygon or MultiPolygon (a Feature is unwrapped), WGS-84 [lon, lat], checked as
 * {@link GeoJsonArea} does; edges count as inside.
 */
final class RedLineBoundary {

    static final String FIELD = "boundary";

    private final GeoJsonArea area;

    private RedLineBoundary(GeoJsonArea area) {
        this.area = area;
    }

    /** Parses GeoJSON; blank is no polygon (null); invalid input is a 400 naming {@code boundary}. */
    static RedLineBoundary parse(String geoJson) {
        GeoJsonArea area = GeoJsonArea.parse(geoJson, FIELD, "范围");
        return area == null ? null : new RedLineBoundary(area);
    }

    boolean contains(double longitude, double latitude) {
        return area.contains(longitude, latitude);
    }

    String json() {
        return area.json();
    }
}
