package org.qingyuan.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * A physical base backup of the running embedded cluster through PostgreSQL's low-level API (no pg_dump or
 * pg_basebackup ship with the embedded binaries): a temporary replication slot keeps the WAL from the start,
 * {@code pg_backup_start}, a copy of the cluster, {@code pg_backup_stop}, then the WAL written meanwhile and the
 * {@code backup_label}. Started on the copy, PostgreSQL replays that WAL to a consistent state.
 */
final class ClusterBackup {

    /** Rebuilt by the server at start, or belonging to the live one: never copied (PostgreSQL docs, 26.3.3). */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", OrphanedPostmaster.LOCK_FILE,
            "backup_label", "tablespace_map");

    private ClusterBackup() {
    }

    /** Copies the cluster in {@code pgData} (whose postmaster must be running) into {@code target}. Answers the stop LSN. */
    static String backup(Path pgData, Path target) throws IOException, SQLException {
        int port = port(pgData);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
             Statement s = c.createStatement()) {
            s.execute("SELECT pg_create_physical_replication_slot('qingyuan_backup_' || pg_backend_pid(), true, true)");
            s.execute("SELECT pg_backup_start('qingyuan backup', true)");
            TreeCopy.copy(pgData, target, ClusterBackup::skipped);
            String lsn;
            try (ResultSet rs = s.executeQuery("SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                rs.next();
                lsn = rs.getString(1);
                Files.writeString(target.resolve("backup_label"), rs.getString(2), StandardCharsets.UTF_8);
                String map = rs.getString(3);
                if (map != null && !map.isBlank()) {
                    Files.writeString(target.resolve("tablespace_map"), map, StandardCharsets.UTF_8);
                }
            }
            // the WAL from the backup's start (kept by the slot) to its end, which pg_backup_stop has switched out
            TreeCopy.copy(pgData.resolve("pg_wal"), target.resolve("pg_wal"), p -> p.startsWith("archive_status"));
            Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
            return lsn;
        }
    }

    private static boolean skipped(Path relative) {
        String first = relative.getName(0).toString();
        if (relative.getNameCount() > 1) {
            return SKIPPED_DIRECTORIES.contains(first);
        }
        return SKIPPED_FILES.contains(first);
    }

    /** The port of the live postmaster, read from its {@code postmaster.pid} (fourth line). */
    static int port(Path pgData) throws IOException {
        Path pid = pgData.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            throw new IllegalStateException("数据库未运行（缺少 " + pid + "）：请在平台运行时备份");
        }
        List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
        return Integer.parseInt(lines.get(3).strip());
    }
}
