package org.qingyuan.shared;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An area drawn on a map or imported (a grid's boundary, a red-line area): a GeoJSON Polygon or MultiPolygon (a
 * Feature or a FeatureCollection of one is unwrapped), in WGS-84 longitude/latitude, checked to be a valid polygon of
 * positive area. Contains a point on its edge as well (JTS {@code covers}). Every refusal is a 400 naming the field.
 */
public final class GeoJsonArea {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private final Geometry geometry;
    private final PreparedGeometry prepared;
    private final String json;

    private GeoJsonArea(Geometry geometry, String json) {
        this.geometry = geometry;
        this.prepared = PreparedGeometryFactory.prepare(geometry);
        this.json = json;
    }

    /**
     * Parses GeoJSON as typed or drawn; blank means no area (null).
     *
     * @param field the request field the messages name, e.g. {@code boundary}
     * @param noun what the area is called in the messages, e.g. 边界 or 范围
     */
    public static GeoJsonArea parse(String geoJson, String field, String noun) {
        if (geoJson == null || geoJson.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(geoJson);
        } catch (JacksonException e) {
            throw new InvalidInputException(field, noun + "不是有效的 GeoJSON");
        }
        node = unwrap(node, field, noun);
        String type = node.path("type").asString("");
        Geometry geometry = switch (type) {
            case "Polygon" -> polygon(node.path("coordinates"), field, noun);
            case "MultiPolygon" -> {
                JsonNode parts = node.path("coordinates");
                if (!parts.isArray() || parts.isEmpty()) {
                    throw new InvalidInputException(field, noun + "的多边形为空");
                }
                Polygon[] polygons = new Polygon[parts.size()];
                for (int i = 0; i < parts.size(); i++) {
                    polygons[i] = polygon(parts.get(i), field, noun);
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            default -> throw new InvalidInputException(field, noun + "须为 GeoJSON 的 Polygon 或 MultiPolygon，而不是“" + type + "”");
        };
        if (!geometry.isValid()) {
            throw new InvalidInputException(field, noun + "多边形自相交或不闭合，请重新绘制");
        }
        if (geometry.getArea() <= 0) {
            throw new InvalidInputException(field, noun + "多边形面积为零");
        }
        return new GeoJsonArea(geometry, JSON.writeValueAsString(JSON.createObjectNode().put("type", type)
                .set("coordinates", node.path("coordinates"))));
    }

    private static JsonNode unwrap(JsonNode node, String field, String noun) {
        String type = node.path("type").asString("");
        if ("FeatureCollection".equals(type)) {
            JsonNode features = node.path("features");
            if (features.size() != 1) {
                throw new InvalidInputException(field, noun + "须只含一个要素（Feature），实际有 " + features.size() + " 个");
            }
            return unwrap(features.get(0), field, noun);
        }
        if ("Feature".equals(type)) {
            return node.path("geometry");
        }
        return node;
    }

    private static Polygon polygon(JsonNode rings, String field, String noun) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InvalidInputException(field, noun + "的多边形为空");
        }
        LinearRing shell = ring(rings.get(0), field, noun);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), field, noun);
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points, String field, String noun) {
        if (!points.isArray() || points.size() < 4) {
            throw new InvalidInputException(field, noun + "的每个环至少需要 4 个点（首尾相同）");
        }
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new InvalidInputException(field, noun + "的第 " + (i + 1) + " 个点不是 [经度, 纬度]");
            }
            double lon = p.get(0).asDouble();
            double lat = p.get(1).asDouble();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new InvalidInputException(field, noun + "的第 " + (i + 1) + " 个点超出经纬度范围（应为 [经度, 纬度]）");
            }
            coordinates[i] = new Coordinate(lon, lat);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new InvalidInputException(field, noun + "的环须首尾相同（闭合）");
        }
        return FACTORY.createLinearRing(coordinates);
    }

    /** True when the point (WGS-84) lies inside the area or on its edge. */
    public boolean contains(double longitude, double latitude) {
        return prepared.covers(FACTORY.createPoint(new Coordinate(longitude, latitude)));
    }

    /** The area's centre, [longitude, latitude]. */
    public double[] centre() {
        Coordinate c = geometry.getCentroid().getCoordinate();
        return new double[] {c.x, c.y};
    }

    /** The GeoJSON geometry as stored (type and coordinates only). */
    public String json() {
        return json;
    }
}
