package org.qingyuan.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qingyuan.grid.internal.GridBoundary;
import org.qingyuan.shared.InvalidInputException;

class GridBoundaryTests {

    static final String SQUARE = """
            {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
             "coordinates": [[[113.60, 34.84], [113.62, 34.84], [113.62, 34.86], [113.60, 34.86], [113.60, 34.84]]]}}
            """;

    @Test
    void aPointInsideTheBoundaryIsInTheGridAndOneOutsideIsNot() {
        GridBoundary b = GridBoundary.parse(SQUARE);
        assertThat(b.contains(113.61, 34.85)).isTrue();
        assertThat(b.contains(113.62, 34.85)).as("on the edge").isTrue();
        assertThat(b.contains(113.63, 34.85)).isFalse();
        assertThat(b.contains(34.85, 113.61)).as("latitude and longitude swapped").isFalse();
        assertThat(b.json()).startsWith("{\"type\":\"Polygon\"");
    }

    @Test
    void aBoundaryWithAHoleLeavesTheHoleOut() {
        GridBoundary b = GridBoundary.parse("""
                {"type": "Polygon", "coordinates": [
                  [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
                  [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]]}
                """);
        assertThat(b.contains(1, 1)).isTrue();
        assertThat(b.contains(5, 5)).isFalse();
    }

    @Test
    void invalidBoundariesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> GridBoundary.parse("{\"type\": \"Point\", \"coordinates\": [1, 2]}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Polygon")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("boundary");
        assertThatThrownBy(() -> GridBoundary.parse("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("自相交");
        assertThatThrownBy(() -> GridBoundary.parse("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("首尾相同");
        assertThatThrownBy(() -> GridBoundary.parse("不是 JSON")).isInstanceOf(InvalidInputException.class);
        assertThat(GridBoundary.parse("  ")).isNull();
    }
}
