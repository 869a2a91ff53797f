package org.qingyuan.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} (text format), sent on the current transaction's
 * connection: large batches (the Excel import) cost a third of batched INSERTs, because the
 * statement's fixed work is done once. The rows are streamed as they are built (every 64 KB), so
 * the database stores the first rows while the caller is still building the next ones.
 */
final class CopyRows implements AutoCloseable {

    /** Batches at least this large go through COPY; smaller ones stay plain batched statements. */
    static final int THRESHOLD = 64;

    private static final int SEND_AT = 1 << 16;

    private DataSource dataSource;
    private Connection connection;
    private String table;
    private CopyIn copy;
    private final StringBuilder text = new StringBuilder(SEND_AT + 4096);
    private boolean first = true;
    private boolean done;
    private boolean released;

    private CopyRows(DataSource dataSource, String table, String columns) {
        this.dataSource = dataSource;
        this.table = table;
        this.connection = DataSourceUtils.getConnection(dataSource);
        try {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw failed(e);
        }
    }

    /** Rows gathered in memory, sent at once by {@link #copy(DataSource, String, String)}. */
    CopyRows() {
    }

    /** Sends the gathered rows (see {@link #CopyRows()}) in one COPY on the current transaction's connection. */
    void copy(DataSource dataSource, String table, String columns) {
        String rows = text.toString();
        text.setLength(0);
        try (CopyRows streamed = into(dataSource, table, columns)) {
            streamed.text.append(rows);
            streamed.finish();
        }
    }

    /** Starts a COPY into the table; add rows, then {@link #finish()}; {@link #close()} cancels an unfinished one. */
    static CopyRows into(DataSource dataSource, String table, String columns) {
        return new CopyRows(dataSource, table, columns);
    }

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
        if (copy != null && text.length() >= SEND_AT) {
            send();
        }
        return this;
    }

    private void send() {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Sends the remaining rows and ends the COPY; the rows are stored (in the transaction) when this returns. */
    void finish() {
        try {
            if (!text.isEmpty()) {
                send();
            }
            copy.endCopy();
            done = true;
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (released || connection == null) {
            return;
        }
        released = true;
        try {
            if (!done && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction fails anyway
        } finally {
            done = true;
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private IllegalStateException failed(SQLException e) {
        return new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
    }
}
