package org.qingyuan.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.qingyuan.map.internal.MapProperties;
import org.qingyuan.map.internal.Outlines;
import org.qingyuan.platform.Deployment;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home district's shipped outline for pages outside the map module (the public report form): the GeoJSON (nothing
 * but the district's boundary, its code and name), its bounding box, whether a point lies inside, and the base map's
 * tile settings.
 */
@Service
public class DistrictOutlines {

    /** West, south, east, north in degrees (WGS-84). */
    public record Bounds(double west, double south, double east, double north) {

        /** True when the point lies in the box widened by {@code margin} degrees on every side. */
        public boolean contains(double longitude, double latitude, double margin) {
            return longitude >= west - margin && longitude <= east + margin && latitude >= south - margin && latitude <= north + margin;
        }
    }

    /** The base map's tiles: a blank URL means none (the outline on a plain background). */
    public record BaseMap(String tileUrl, String attribution, int maxZoom) {
    }

    private final Outlines outlines;
    private final Deployment deployment;
    private final MapProperties properties;
    private volatile Optional<List<double[][]>> rings;

    DistrictOutlines(Outlines outlines, Deployment deployment, MapProperties properties) {
        this.outlines = outlines;
        this.deployment = deployment;
        this.properties = properties;
    }

    /** The home district's outline as a GeoJSON FeatureCollection; empty when none is shipped for it. */
    public Optional<String> home() {
        return outlines.ofCountyOf(deployment.homeDistrict());
    }

    /** The bounding box of the home district's outline; empty when none is shipped. */
    public Optional<Bounds> homeBounds() {
        return rings().map(all -> {
            double w = 180, s = 90, e = -180, n = -90;
            for (double[][] ring : all) {
                for (double[] p : ring) {
                    w = Math.min(w, p[0]);
                    e = Math.max(e, p[0]);
                    s = Math.min(s, p[1]);
                    n = Math.max(n, p[1]);
                }
            }
            return new Bounds(w, s, e, n);
        });
    }

    /** True when the point lies inside the home district's outline (even-odd over all rings); empty when none is shipped. */
    public Optional<Boolean> homeContains(double longitude, double latitude) {
        return rings().map(all -> {
            boolean inside = false;
            for (double[][] ring : all) {
                for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                    if ((ring[i][1] > latitude) != (ring[j][1] > latitude) && longitude
                            < (ring[j][0] - ring[i][0]) * (latitude - ring[i][1]) / (ring[j][1] - ring[i][1]) + ring[i][0]) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        });
    }

    /** The configured tiles ({@code qingyuan.map.tile-url}, attribution, highest zoom). */
    public BaseMap baseMap() {
        return new BaseMap(properties.tiles() ? properties.tileUrl() : "", properties.attribution(), properties.maxZoom());
    }

    private Optional<List<double[][]>> rings() {
        Optional<List<double[][]>> r = rings;
        if (r == null) {
            r = home().map(DistrictOutlines::parse);
            rings = r;
        }
        return r;
    }

    static List<double[][]> parse(String geoJson) {
        List<double[][]> rings = new ArrayList<>();
        JsonNode root = JsonMapper.builder().build().readTree(geoJson);
        for (JsonNode feature : root.path("features")) {
            JsonNode g = feature.path("geometry");
            JsonNode polygons = "MultiPolygon".equals(g.path("type").asString()) ? g.path("coordinates")
                    : JsonMapper.builder().build().createArrayNode().add(g.path("coordinates"));
            for (JsonNode polygon : polygons) {
                for (JsonNode ring : polygon) {
                    double[][] points = new double[ring.size()][];
                    for (int i = 0; i < ring.size(); i++) {
                        points[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
                    }
                    rings.add(points);
                }
            }
        }
        return rings;
    }
}
