package org.qingyuan.gatekeeping.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.qingyuan.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A red-line area's polygon: GeoJSON Polygon or MultiPolygon (a Feature is unwrapped), WGS-84 [lon, lat]; edges count as inside. */
final class RedLineBoundary {

    static final String FIELD = "boundary";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private final PreparedGeometry prepared;
    private final String json;

    private RedLineBoundary(Geometry geometry, String json) {
        this.prepared = PreparedGeometryFactory.prepare(geometry);
        this.json = json;
    }

    /** Parses GeoJSON; blank is no polygon (null); invalid input is a 400 naming {@code boundary}. */
    static RedLineBoundary parse(String geoJson) {
        if (geoJson == null || geoJson.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(geoJson);
        } catch (JacksonException e) {
            throw new InvalidInputException(FIELD, "范围不是有效的 GeoJSON");
        }
        if ("Feature".equals(node.path("type").asString(""))) {
            node = node.path("geometry");
        }
        String type = node.path("type").asString("");
        Geometry geometry = switch (type) {
            case "Polygon" -> polygon(node.path("coordinates"));
            case "MultiPolygon" -> {
                JsonNode parts = node.path("coordinates");
                if (!parts.isArray() || parts.isEmpty()) {
                    throw new InvalidInputException(FIELD, "范围的多边形为空");
                }
                Polygon[] polygons = new Polygon[parts.size()];
                for (int i = 0; i < parts.size(); i++) {
                    polygons[i] = polygon(parts.get(i));
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            default -> throw new InvalidInputException(FIELD, "范围须为 GeoJSON 的 Polygon 或 MultiPolygon");
        };
        if (!geometry.isValid() || geometry.getArea() <= 0) {
            throw new InvalidInputException(FIELD, "范围多边形自相交、不闭合或面积为零");
        }
        return new RedLineBoundary(geometry, JSON.writeValueAsString(JSON.createObjectNode().put("type", type)
                .set("coordinates", node.path("coordinates"))));
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InvalidInputException(FIELD, "范围的多边形为空");
        }
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(ring(rings.get(0)), holes);
    }

    private static LinearRing ring(JsonNode points) {
        if (!points.isArray() || points.size() < 4) {
            throw new InvalidInputException(FIELD, "范围的每个环至少需要 4 个点（首尾相同）");
        }
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()
                    || Math.abs(p.get(0).asDouble()) > 180 || Math.abs(p.get(1).asDouble()) > 90) {
                throw new InvalidInputException(FIELD, "范围的第 " + (i + 1) + " 个点不是有效的 [经度, 纬度]");
            }
            coordinates[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new InvalidInputException(FIELD, "范围的环须首尾相同（闭合）");
        }
        return FACTORY.createLinearRing(coordinates);
    }

    boolean contains(double longitude, double latitude) {
        return prepared.covers(FACTORY.createPoint(new Coordinate(longitude, latitude)));
    }

    String json() {
        return json;
    }
}
