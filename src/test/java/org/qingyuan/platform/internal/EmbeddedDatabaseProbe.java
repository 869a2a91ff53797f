package org.qingyuan.platform.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.platform.QingyuanProperties;

/** Drives the embedded database outside Spring, in this JVM or a child one that a test kills. */
public final class EmbeddedDatabaseProbe {

    private static final QingyuanProperties.Embedded PERSISTENT = new QingyuanProperties.Embedded(false, 60, 0, "128MB");

    private EmbeddedDatabaseProbe() {
    }

    /** Child process: start persistent, commit one row, say so, then wait to be killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(Path.of(args[0]), PERSISTENT);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
            c.createStatement().execute("CREATE TABLE probe (note text)");
            c.createStatement().execute("INSERT INTO probe VALUES ('written before the crash')");
        }
        System.out.println("COMMITTED " + server.jdbcUrl());
        System.out.flush();
        Thread.sleep(600_000);
    }

    /** Starts the persistent database again on the same directory and reads the probe rows back. */
    public static List<String> restartAndRead(Path dataDir) throws Exception {
        EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(dataDir, PERSISTENT);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
            var rs = c.createStatement().executeQuery("SELECT note FROM probe");
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            var fsync = c.createStatement().executeQuery("SHOW fsync");
            fsync.next();
            if (!"on".equals(fsync.getString(1))) {
                throw new IllegalStateException("fsync is " + fsync.getString(1));
            }
            return rows;
        } finally {
            server.close();
        }
    }
}
