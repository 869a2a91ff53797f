package org.qingyuan.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.qingyuan.evidence.EvidenceStorageFullException;

/**
 * The local temporary files an upload is received into (under {@code <root>/tmp}), hashed with SM3 as they arrive,
 * refused when the disk is below its reserve, deleted on any failure.
 */
final class Staging {

    private final Path root;
    private final long minFreeBytes;

    Staging(Path root, long minFreeBytes) {
        this.root = root;
        this.minFreeBytes = minFreeBytes;
    }

    Path tmp() throws IOException {
        return Files.createDirectories(root.resolve("tmp"));
    }

    /** Refuses to start receiving when the disk is below its reserve. */
    void requireRoom() throws IOException {
        Path dir = Files.createDirectories(root);
        if (Files.getFileStore(dir).getUsableSpace() < minFreeBytes) {
            throw new EvidenceStorageFullException(null);
        }
    }

    ObjectStore.Received receive(InputStream in, long limit) throws IOException {
        requireRoom();
        Path file = Files.createTempFile(tmp(), "upload-", ".part");
        SM3Digest digest = new SM3Digest();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > limit) {
                    out.close();
                    Files.deleteIfExists(file);
                    return new ObjectStore.Received(null, null, size);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            if (ObjectStore.noSpace(e)) {
                throw new EvidenceStorageFullException(e);
            }
            throw e;
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new ObjectStore.Received(file, hex(digest), size);
    }

    static String sm3(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        return hex(digest);
    }

    /** The SM3 of a stream, read to its end and closed. */
    static String sm3(InputStream in) throws IOException {
        SM3Digest digest = new SM3Digest();
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest);
    }

    static String hex(SM3Digest digest) {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
