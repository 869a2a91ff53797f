package org.qingyuan.region.internal;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled divisions with COPY in the migration's transaction: all provinces,
 * cities, counties and 41,352 towns, and the villages of the three sample districts.
 * Flyway runs it once per database, so it is idempotent by construction.
 */
@Component
class V3__LoadDivisions extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V3__LoadDivisions.class);

    @Override
    public void migrate(Context context) throws Exception {
        long started = System.nanoTime();
        Connection connection = context.getConnection();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        int total = 0;
        for (DivisionCsv.File file : DivisionCsv.File.values()) {
            List<DivisionCsv.Row> rows = DivisionCsv.read(file);
            StringBuilder text = new StringBuilder(rows.size() * 40);
            for (DivisionCsv.Row row : rows) {
                text.append(row.code()).append('\t').append(row.name()).append('\t')
                        .append(row.parent() == null ? "\\N" : row.parent()).append('\n');
            }
            total += (int) copy.copyIn("COPY division (code, name, parent_code) FROM STDIN", new StringReader(text.toString()));
        }
        int millis = (int) ((System.nanoTime() - started) / 1_000_000);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO reference_dataset (name, edition, row_count, load_millis) VALUES ('divisions', ?, ?, ?)")) {
            insert.setString(1, DivisionCsv.EDITION);
            insert.setInt(2, total);
            insert.setInt(3, millis);
            insert.executeUpdate();
        }
        log.info("Loaded {} divisions in {} ms", total, millis);
    }
}
