package org.qingyuan.map.internal;

import org.qingyuan.shared.InvalidInputException;

/** The visible part of the map: west, south, east, north in degrees (WGS-84). */
public record Box(double west, double south, double east, double north) {

    /** From {@code bbox=west,south,east,north} (Leaflet's {@code toBBoxString}); a Chinese 400 naming bbox otherwise. */
    public static Box of(String bbox) {
        String[] parts = bbox == null ? new String[0] : bbox.split(",");
        if (parts.length != 4) {
            throw new InvalidInputException("bbox", "参数 bbox 应为 西,南,东,北 四个经纬度");
        }
        try {
            double w = Double.parseDouble(parts[0].strip()), s = Double.parseDouble(parts[1].strip());
            double e = Double.parseDouble(parts[2].strip()), n = Double.parseDouble(parts[3].strip());
            if (!(w <= e && s <= n) || Double.isNaN(w + s + e + n)) {
                throw new InvalidInputException("bbox", "参数 bbox 的西、南应不大于东、北");
            }
            return new Box(Math.max(w, -180), Math.max(s, -90), Math.min(e, 180), Math.min(n, 90));
        } catch (NumberFormatException ex) {
            throw new InvalidInputException("bbox", "参数 bbox 应为 西,南,东,北 四个经纬度");
        }
    }
}
