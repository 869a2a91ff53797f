package org.qingyuan.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingyuan.evidence.EvidenceStorageFullException;

/** The evidence disk fills (issue 22 §2): a clear refusal, and no half-written file left anywhere in the store. */
class ObjectStoreFullDiskTests {

    @TempDir
    Path root;

    /** A stream that fails like a full disk after some bytes, as the copy to the store's temporary file would. */
    static InputStream fillingUpAfter(int bytes) {
        return new InputStream() {
            int read;

            @Override
            public int read() throws IOException {
                if (read++ >= bytes) {
                    throw new FileSystemException("/data/evidence/tmp/upload.part", null, "No space left on device");
                }
                return 'x';
            }
        };
    }

    static long files(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aDiskThatFillsDuringAnUploadRefusesItAndLeavesNoPartialFile() throws Exception {
        FileObjectStore store = new FileObjectStore(root, 0);
        assertThatThrownBy(() -> store.receive(fillingUpAfter(200_000), 10_000_000))
                .isInstanceOf(EvidenceStorageFullException.class).hasMessageContaining("存储空间不足");
        assertThat(files(root)).isZero();
    }

    @Test
    void aDiskBelowItsReserveRefusesBeforeReadingAByte() throws Exception {
        FileObjectStore store = new FileObjectStore(root, Long.MAX_VALUE);
        assertThatThrownBy(() -> store.receive(fillingUpAfter(0), 10)).isInstanceOf(EvidenceStorageFullException.class);
        assertThat(files(root)).isZero();
    }

    @Test
    void otherWriteFailuresStayWhatTheyAre() {
        assertThat(ObjectStore.noSpace(new FileSystemException("f", null, "No space left on device"))).isTrue();
        assertThat(ObjectStore.noSpace(new IOException("Disk quota exceeded"))).isTrue();
        assertThat(ObjectStore.noSpace(new IOException("Permission denied"))).isFalse();
    }
}
