package org.qingyuan.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingyuan.platform.internal.DataBackup;

/**
 * The evidence bucket backed up into the backup directory and restored into a new bucket or a disk store
 * ({@code bench/backup.sh}, {@code bench/restore.sh} with {@code QINGYUAN_EVIDENCE_STORE=s3}), against S3Proxy.
 */
class BucketBackupTests {

    @TempDir
    Path work;

    S3Client source;
    S3ObjectStore store;
    List<String> stored = new ArrayList<>();
    Map<String, byte[]> contents = new java.util.HashMap<>();

    @BeforeEach
    void someEvidenceInABucket() throws Exception {
        source = LocalS3.get().newBucket("qy-live");
        store = new S3ObjectStore(source, new Staging(work.resolve("staging"), 0));
        Random random = new Random(3);
        for (int size : new int[] {0, 1, 1000, 64 * 1024 + 1, 3 * 1024 * 1024}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            var received = store.receive(new ByteArrayInputStream(bytes), 10_000_000);
            store.keep(received);
            stored.add(received.sm3());
            contents.put(received.sm3(), bytes);
        }
        byte[] thumbnail = "缩略图".getBytes(StandardCharsets.UTF_8);
        String thumb = store.put(thumbnail);
        stored.add(thumb);
        contents.put(thumb, thumbnail);
    }

    static Path object(Path objects, String sm3) {
        return objects.resolve(sm3.substring(0, 2)).resolve(sm3.substring(2, 4)).resolve(sm3);
    }

    static TreeSet<String> keys(S3Client s3) throws Exception {
        TreeSet<String> keys = new TreeSet<>();
        s3.list("", object -> keys.add(object.key()));
        return keys;
    }

    @Test
    void everyObjectIsBackedUpAndRestoresIntoANewBucketAndIntoADiskStoreVerified() throws Exception {
        source.put("objects/not-an-sm3.txt", "foreign".getBytes(StandardCharsets.UTF_8));
        source.put("elsewhere/" + stored.get(0), contents.get(stored.get(0)));
        Path backup = work.resolve("backup");
        Files.createDirectories(backup);
        Files.writeString(backup.resolve("BACKUP.txt"), "database …\n");   // as DataBackup leaves it

        String summary = BucketBackup.backup(source, backup);
        assertThat(summary).contains(stored.size() + " objects", "each matching its SM3", "objects/not-an-sm3.txt");
        assertThat(Files.readString(backup.resolve("BACKUP.txt"))).startsWith("database …\n").contains(summary.strip());
        Path objects = backup.resolve("evidence/objects");
        for (String sm3 : stored) {
            assertThat(Files.readAllBytes(object(objects, sm3))).as(sm3).isEqualTo(contents.get(sm3));
        }
        try (var walk = Files.walk(objects)) {
            assertThat(walk.filter(Files::isRegularFile).count()).as("only the platform's objects, no .part left").isEqualTo(stored.size());
        }

        // into a new, empty bucket
        S3Client fresh = LocalS3.get().newBucket("qy-restored");
        assertThat(BucketBackup.restore(backup, fresh)).contains(stored.size() + " objects sent", "0 already there",
                "matches its SM3");
        S3ObjectStore restored = new S3ObjectStore(fresh, new Staging(work.resolve("staging2"), 0));
        for (String sm3 : stored) {
            assertThat(restored.intact(sm3)).as(sm3).isTrue();
            try (var in = restored.open(sm3)) {
                assertThat(in.readAllBytes()).isEqualTo(contents.get(sm3));
            }
        }
        assertThat(keys(fresh)).isEqualTo(new TreeSet<>(stored.stream().map(S3ObjectStore::key).toList()));
        // again into the same bucket: nothing sent twice
        assertThat(BucketBackup.restore(backup, fresh)).contains("0 objects sent", stored.size() + " already there and intact");

        // into a disk store: the same backup through DataBackup alone
        Path dataDir = work.resolve("data");
        assertThat(DataBackup.restore(backup, dataDir)).contains("every evidence object matches its SM3");
        FileObjectStore disk = new FileObjectStore(dataDir.resolve("evidence"), 0);
        for (String sm3 : stored) {
            assertThat(disk.intact(sm3)).as(sm3).isTrue();
        }
        // and DataBackup leaves the objects out when they go into a bucket
        Path other = work.resolve("data-s3");
        assertThat(DataBackup.restore(backup, other, false)).contains("evidence/objects left out");
        assertThat(other.resolve("evidence/objects")).doesNotExist();
    }

    @Test
    void aDamagedObjectIsNamedOnBackupAndADamagedFileOnRestore() throws Exception {
        String victim = stored.get(2);
        source.put(S3ObjectStore.key(victim), "changed in the bucket".getBytes(StandardCharsets.UTF_8));
        Path backup = work.resolve("backup");
        assertThatThrownBy(() -> BucketBackup.backup(source, backup)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("与其 SM3 不符").hasMessageContaining(victim);
        assertThat(object(backup.resolve("evidence/objects"), victim)).doesNotExist();
        assertThat(object(backup.resolve("evidence/objects"), stored.get(3))).as("the others are copied").exists();

        Files.write(object(backup.resolve("evidence/objects"), stored.get(3)), "changed in the backup".getBytes(StandardCharsets.UTF_8));
        S3Client fresh = LocalS3.get().newBucket("qy-restored");
        assertThatThrownBy(() -> BucketBackup.restore(backup, fresh)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("备份中的证据文件与其 SM3 不符").hasMessageContaining(stored.get(3));
        assertThat(fresh.head(S3ObjectStore.key(stored.get(3)))).as("the damaged file is not sent").isEqualTo(-1);
    }

    @Test
    void theBucketIsNamedByThePlatformsOwnVariables() {
        var properties = BucketBackup.fromEnvironment(Map.of("QINGYUAN_EVIDENCE_S3_ENDPOINT", "http://127.0.0.1:8400",
                "QINGYUAN_EVIDENCE_S3_BUCKET", "evidence", "QINGYUAN_EVIDENCE_S3_ACCESS_KEY", "AK",
                "QINGYUAN_EVIDENCE_S3_SECRET_KEY", "SK"));
        assertThat(properties.region()).isEqualTo("us-east-1");
        assertThat(properties.bucket()).isEqualTo("evidence");
        assertThatThrownBy(() -> BucketBackup.fromEnvironment(Map.of("QINGYUAN_EVIDENCE_S3_ENDPOINT", "http://x")))
                .hasMessageContaining("qingyuan.evidence.s3.bucket");
    }
}
