package org.qingyuan.map.internal;

import java.util.List;

/**
 * One chart of a home page, drawn by {@code home.js} with ECharts: categories along one axis, one or more series, and
 * for each category the list behind it (a click opens it).
 *
 * @param type {@code bar}, {@code line} (a curve over weeks) or {@code pie}
 * @param labels the categories (towns, weeks, measures …)
 * @param links per category, the page listing what it counts
 */
public record Chart(String id, String title, String type, List<String> labels, List<Series> series, List<String> links) {

    /** A named row of values, one per category; {@code percent} when the values are rates. */
    public record Series(String name, List<Number> data, boolean percent) {

        public Series(String name, List<Number> data) {
            this(name, data, false);
        }
    }
}
