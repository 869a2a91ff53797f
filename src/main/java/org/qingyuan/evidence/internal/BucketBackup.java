package org.qingyuan.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Backup and restore of the evidence bucket when the platform runs with {@code qingyuan.evidence.store=s3}
 * ({@code bench/backup.sh}, {@code bench/restore.sh}; docs/operations.md "Backup and restore"):
 * <pre>
 *   java … BucketBackup backup  &lt;backup dir&gt;   # after DataBackup has copied the database
 *   java … BucketBackup restore &lt;backup dir&gt;   # into the bucket of QINGYUAN_EVIDENCE_S3_*
 * </pre>
 * The bucket is named by the platform's own variables ({@code QINGYUAN_EVIDENCE_S3_ENDPOINT}, {@code _BUCKET},
 * {@code _REGION}, {@code _ACCESS_KEY}, {@code _SECRET_KEY}). A backup copies every object under the platform's prefix
 * {@code objects/} into {@code <backup>/evidence/objects/ab/cd/<sm3>} — the filesystem store's layout, so the same backup
 * restores into a disk store by {@code DataBackup restore} alone — checking each against its SM3 as it arrives. It runs
 * after the database copy: an object is in the bucket before its row commits, so every row of the database copy finds
 * its object (objects stored meanwhile are merely unreferenced). A restore checks each file against its SM3, sends it
 * (an object already in the bucket and intact is kept), and reads every object back from the bucket to check it there.
 */
public final class BucketBackup {

    static final String PREFIX = "objects/";
    private static final Pattern KEY = Pattern.compile("objects/([0-9a-f]{2})/([0-9a-f]{2})/(\\1\\2[0-9a-f]{60})");

    private BucketBackup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("backup", "restore").contains(args[0])) {
            System.err.println("usage: BucketBackup backup <backup-dir> | restore <backup-dir>  (bucket from QINGYUAN_EVIDENCE_S3_*)");
            System.exit(2);
        }
        S3Client s3 = new S3Client(fromEnvironment(System.getenv()), Clock.systemUTC());
        Path backup = Path.of(args[1]).toAbsolutePath().normalize();
        System.out.print("backup".equals(args[0]) ? backup(s3, backup) : restore(backup, s3));
    }

    /** The store's settings from the variables the platform itself reads (docs/operations.md §5). */
    static S3Properties fromEnvironment(Map<String, String> env) {
        String endpoint = env.get("QINGYUAN_EVIDENCE_S3_ENDPOINT");
        String region = env.getOrDefault("QINGYUAN_EVIDENCE_S3_REGION", "");
        return new S3Properties(endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
                env.get("QINGYUAN_EVIDENCE_S3_BUCKET"), region.isBlank() ? "us-east-1" : region,
                env.get("QINGYUAN_EVIDENCE_S3_ACCESS_KEY"), env.get("QINGYUAN_EVIDENCE_S3_SECRET_KEY")).requireComplete();
    }

    /** Copies every object under {@code objects/} into the backup, checked against its SM3; answers a summary. */
    static String backup(S3Client s3, Path backup) throws IOException {
        Path objects = backup.resolve("evidence/objects");
        Files.createDirectories(objects);
        long[] copied = {0, 0};
        List<String> damaged = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        s3.list(PREFIX, listed -> {
            var key = KEY.matcher(listed.key());
            if (!key.matches()) {
                foreign.add(listed.key());
                return;
            }
            Path target = objects.resolve(key.group(1)).resolve(key.group(2)).resolve(key.group(3));
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(key.group(3) + ".part");
            try (InputStream in = s3.get(listed.key())) {
                if (in == null) {
                    return;   // listed, then gone: the bucket is append-only, so this is a service fault shown below
                }
                String sm3 = copy(in, part);
                if (!sm3.equals(key.group(3))) {
                    Files.delete(part);
                    damaged.add(listed.key());
                    return;
                }
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            copied[0]++;
            copied[1] += Files.size(target);
        });
        String summary = "bucket " + s3.endpoint() + "/" + s3.bucket() + "/" + PREFIX + " " + copied[0] + " objects, "
                + copied[1] + " bytes, each matching its SM3" + (foreign.isEmpty() ? "" : "; not objects of the platform, skipped: " + foreign) + "\n";
        Files.writeString(backup.resolve("BACKUP.txt"), summary, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (!damaged.isEmpty()) {
            throw new IllegalStateException("存储桶中的证据对象与其 SM3 不符（未备份）：" + damaged);
        }
        return summary;
    }

    /**
     * Sends every object of the backup into the bucket (a new, empty one, or the damaged one: an object already there
     * and intact is kept), then reads each back from the bucket and checks its SM3; answers a summary.
     */
    static String restore(Path backup, S3Client s3) throws IOException {
        Path objects = backup.resolve("evidence/objects");
        if (!Files.exists(backup.resolve("BACKUP.txt")) || !Files.isDirectory(objects)) {
            throw new IllegalStateException(backup + " 不是完整的备份（缺少 BACKUP.txt 或 evidence/objects）");
        }
        List<Path> files;
        try (var walk = Files.walk(objects)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> damaged = new ArrayList<>();
        long sent = 0;
        long kept = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            String key = objects.relativize(file).toString().replace('\\', '/');
            if (!KEY.matcher("objects/" + key).matches() || !name.equals(sm3(file))) {
                damaged.add(key);
                continue;
            }
            if (s3.head("objects/" + key) == Files.size(file) && intact(s3, "objects/" + key, name)) {
                kept++;
                continue;
            }
            s3.put("objects/" + key, file);
            sent++;
        }
        if (!damaged.isEmpty()) {
            throw new IllegalStateException("备份中的证据文件与其 SM3 不符（未恢复）：" + damaged);
        }
        List<String> notIntact = new ArrayList<>();
        for (Path file : files) {
            String key = "objects/" + objects.relativize(file).toString().replace('\\', '/');
            if (!intact(s3, key, file.getFileName().toString())) {
                notIntact.add(key);
            }
        }
        if (!notIntact.isEmpty()) {
            throw new IllegalStateException("恢复后存储桶中的证据对象与其 SM3 不符：" + notIntact);
        }
        return "bucket " + s3.endpoint() + "/" + s3.bucket() + ": " + sent + " objects sent, " + kept
                + " already there and intact; every object read back from the bucket matches its SM3\n";
    }

    private static boolean intact(S3Client s3, String key, String sm3) throws IOException {
        try (InputStream in = s3.get(key)) {
            return in != null && Staging.sm3(in).equals(sm3);
        }
    }

    private static String copy(InputStream in, Path file) throws IOException {
        SM3Digest digest = new SM3Digest();
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return Staging.hex(digest);
    }

    private static String sm3(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Staging.sm3(in);
        }
    }
}
