package org.qingyuan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingyuan.platform.internal.EmbeddedDatabaseProbe;

/**
 * {@code kill -9} of the application leaves its postmaster running; the next start must
 * stop it cleanly and find every committed row.
 */
class CrashRecoveryTests {

    @TempDir
    Path dataDir;

    @Test
    void startAfterKillMinusNineFindsCommittedDataAndAHealthyServer() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseProbe.class.getName(), dataDir.toString(), "write")
                .redirectErrorStream(true).start();
        String jdbcUrl = null;
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("COMMITTED ")) {
                jdbcUrl = line.substring("COMMITTED ".length());
                break;
            }
        }
        assertThat(jdbcUrl).as("child committed a row").isNotNull();
        child.destroyForcibly();   // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // the orphaned postmaster still answers on the old port
        try (var connection = DriverManager.getConnection(jdbcUrl)) {
            assertThat(connection.isValid(2)).isTrue();
        }
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).isTrue();

        List<String> rows = EmbeddedDatabaseProbe.restartAndRead(dataDir);
        assertThat(rows).containsExactly("written before the crash");
    }
}
