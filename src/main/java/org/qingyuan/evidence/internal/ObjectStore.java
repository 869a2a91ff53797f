package org.qingyuan.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.qingyuan.evidence.EvidenceStorageFullException;
import org.qingyuan.platform.Deployment;
import org.springframework.stereotype.Component;

/**
 * Content-addressed files under {@code <data dir>/evidence/objects/ab/cd/<sm3>}: a file is
 * written once per content and never changed; its name is its SM3 digest, so any change to it
 * shows on the next read. (A later object-store adapter can keep the same addresses.)
 */
@Component
class ObjectStore {

    private final Path root;
    private final long minFreeBytes;

    @org.springframework.beans.factory.annotation.Autowired
    ObjectStore(Deployment deployment, EvidenceProperties properties) {
        this(deployment.dataDir().resolve("evidence"), properties.minFreeBytes());
    }

    ObjectStore(Path root, long minFreeBytes) {
        this.root = root;
        this.minFreeBytes = minFreeBytes;
    }

    /** Refuses to start receiving when the store's disk is below its reserve. */
    void requireRoom() throws IOException {
        Path dir = Files.createDirectories(root);
        if (Files.getFileStore(dir).getUsableSpace() < minFreeBytes) {
            throw new EvidenceStorageFullException(null);
        }
    }

    /** A write that failed because the disk (or the quota) is full. */
    static boolean noSpace(IOException e) {
        String message = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return message != null && (message.contains("No space left") || message.contains("Disk quota exceeded")
                || message.contains("not enough space"));
    }

    /** A file received so far: where it waits, its digest and size. */
    record Received(Path file, String sm3, long size) {
    }

    /** Copies a stream to a temporary file, hashing as it goes; stops at {@code limit} bytes and answers null then. */
    Received receive(InputStream in, long limit) throws IOException {
        requireRoom();
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path file = Files.createTempFile(tmp, "upload-", ".part");
        SM3Digest digest = new SM3Digest();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > limit) {
                    out.close();
                    Files.deleteIfExists(file);
                    return new Received(null, null, size);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            if (noSpace(e)) {
                throw new EvidenceStorageFullException(e);
            }
            throw e;
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Received(file, hex(digest), size);
    }

    /** Moves a received file to its address (or drops it when the same content is already stored). */
    void keep(Received received) throws IOException {
        Path target = path(received.sm3());
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.deleteIfExists(received.file());
            return;
        }
        try {
            Files.move(received.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(received.file(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Stores bytes (a thumbnail) and answers their address. */
    String put(byte[] bytes) {
        try {
            return keepBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String keepBytes(byte[] bytes) throws IOException {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        String sm3 = hex(digest);
        Path target = path(sm3);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(Files.createDirectories(root.resolve("tmp")), "thumb-", ".part");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);   // never leave a half-written file behind
                if (noSpace(e)) {
                    throw new EvidenceStorageFullException(e);
                }
                throw e;
            }
        }
        return sm3;
    }

    /** True when the stored file still has this digest. */
    boolean intact(String sm3) throws IOException {
        Path file = path(sm3);
        if (!Files.exists(file)) {
            return false;
        }
        SM3Digest digest = new SM3Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest).equals(sm3);
    }

    InputStream open(String sm3) throws IOException {
        return Files.newInputStream(path(sm3));
    }

    Path path(String sm3) {
        return root.resolve("objects").resolve(sm3.substring(0, 2)).resolve(sm3.substring(2, 4)).resolve(sm3);
    }

    private static String hex(SM3Digest digest) {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
