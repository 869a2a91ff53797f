package org.qingyuan.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Backup and restore of a data directory ({@code bench/backup.sh}, {@code bench/restore.sh}; docs/operations.md):
 * <pre>
 *   java … DataBackup backup  &lt;data-dir&gt; &lt;empty backup dir&gt;   # while the platform runs
 *   java … DataBackup restore &lt;backup dir&gt; &lt;empty data dir&gt;
 * </pre>
 * The database first (a base backup of the embedded cluster), then the evidence objects, the import files and the
 * audit anchors and the field cipher's keys: an evidence object is on disk before its row commits, so every row of the database copy finds its
 * object in the later file copy (objects written meanwhile are merely unreferenced).
 */
public final class DataBackup {

    /** The files beside the database; {@code keys} holds the field cipher's key file (without it no sealed field can be read). */
    static final List<String> FILE_DIRECTORIES = List.of("evidence/objects", "imports", "audit", "keys");

    private DataBackup() {
    }

    public static void main(String[] args) throws Exception {
        boolean objectsElsewhere = args.length == 4 && "restore".equals(args[0]) && "--objects-to-bucket".equals(args[3]);
        if ((args.length != 3 && !objectsElsewhere) || !List.of("backup", "restore").contains(args[0])) {
            System.err.println("usage: DataBackup backup <data-dir> <backup-dir> | restore <backup-dir> <data-dir> [--objects-to-bucket]");
            System.exit(2);
        }
        Path from = Path.of(args[1]).toAbsolutePath().normalize();
        Path to = Path.of(args[2]).toAbsolutePath().normalize();
        System.out.println("backup".equals(args[0]) ? backup(from, to) : restore(from, to, !objectsElsewhere));
    }

    /** Backs up a live data directory into an empty directory; answers a summary. */
    public static String backup(Path dataDir, Path target) throws Exception {
        requireEmpty(target);
        StringBuilder summary = new StringBuilder("created " + Instant.now() + "\nsource " + dataDir + "\n");
        Path pgData = dataDir.resolve("postgres");
        if (Files.exists(pgData.resolve("PG_VERSION"))) {
            summary.append("database embedded, base backup ending at LSN ")
                    .append(ClusterBackup.backup(pgData, target.resolve("postgres"))).append('\n');
        } else {
            summary.append("database external: back it up with pg_basebackup or pg_dump (docs/operations.md)\n");
        }
        for (String dir : FILE_DIRECTORIES) {
            long files = TreeCopy.copy(dataDir.resolve(dir), target.resolve(dir), p -> false);
            privateKeys(target.resolve(dir));
            summary.append(dir).append(' ').append(files).append(" files\n");
        }
        Files.writeString(target.resolve("BACKUP.txt"), summary, StandardCharsets.UTF_8);
        return summary.toString();
    }

    /** Restores a backup into an empty data directory and checks every evidence object against its SM3 name. */
    public static String restore(Path backup, Path dataDir) throws Exception {
        return restore(backup, dataDir, true);
    }

    /**
     * Restores a backup; without {@code objects} the evidence objects are left out (they go into a bucket instead,
     * {@code evidence.internal.BucketBackup restore}, which checks them there).
     */
    public static String restore(Path backup, Path dataDir, boolean objects) throws Exception {
        if (!Files.exists(backup.resolve("BACKUP.txt"))) {
            throw new IllegalStateException(backup + " 不是完整的备份（缺少 BACKUP.txt）");
        }
        requireEmpty(dataDir);
        StringBuilder summary = new StringBuilder("restored " + backup + " into " + dataDir + "\n");
        if (Files.isDirectory(backup.resolve("postgres"))) {
            Path pgData = dataDir.resolve("postgres");
            long files = TreeCopy.copy(backup.resolve("postgres"), pgData, p -> false);
            Files.setPosixFilePermissions(pgData, PosixFilePermissions.fromString("rwx------"));
            summary.append("postgres ").append(files).append(" files (recovers to the backup's end at first start)\n");
        }
        for (String dir : FILE_DIRECTORIES) {
            if (!objects && dir.equals("evidence/objects")) {
                summary.append(dir).append(" left out: restored into the bucket\n");
                continue;
            }
            long files = TreeCopy.copy(backup.resolve(dir), dataDir.resolve(dir), p -> false);
            privateKeys(dataDir.resolve(dir));
            summary.append(dir).append(' ').append(files).append(" files\n");
        }
        List<Path> damaged = damagedObjects(dataDir.resolve("evidence/objects"));
        if (!damaged.isEmpty()) {
            throw new IllegalStateException("证据文件与其 SM3 不符：" + damaged);
        }
        return summary.append("every evidence object matches its SM3\n").toString();
    }

    /** The key directory stays readable by its owner only, as the platform created it. */
    private static void privateKeys(Path dir) throws IOException {
        if (dir.endsWith("keys") && Files.isDirectory(dir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** The objects whose content no longer hashes to their name. */
    static List<Path> damagedObjects(Path objects) throws IOException {
        if (!Files.isDirectory(objects)) {
            return List.of();
        }
        try (var files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(sm3(f))).toList();
        }
    }

    static String sm3(Path file) {
        SM3Digest digest = new SM3Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return "unreadable";
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static void requireEmpty(Path dir) {
        if (!TreeCopy.emptyOrMissing(dir)) {
            throw new IllegalStateException("目标目录 " + dir + " 不为空");
        }
    }
}
