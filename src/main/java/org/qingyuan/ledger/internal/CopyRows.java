package org.qingyuan.ledger.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} (text format), sent on the current transaction's
 * connection: large batches (the Excel import) cost a third of batched INSERTs, because the
 * statement's fixed work (indexes, triggers, the generated search column) is done once.
 */
final class CopyRows {

    /** Batches at least this large go through COPY; smaller ones stay plain batched statements. */
    static final int THRESHOLD = 64;

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean first = true;

    CopyRows add(Object value) {
        if (!first) {
            text.append('\t');
        }
        first = false;
        if (value == null) {
            text.append("\\N");
            return this;
        }
        if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
            return this;
        }
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    CopyRows endRow() {
        text.append('\n');
        first = true;
        return this;
    }

    void copy(DataSource dataSource, String table, String columns) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(text.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
