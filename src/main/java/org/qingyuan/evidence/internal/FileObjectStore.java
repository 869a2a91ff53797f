package org.qingyuan.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.qingyuan.evidence.EvidenceStorageFullException;
import org.qingyuan.platform.Deployment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Content-addressed files under {@code <data dir>/evidence/objects/ab/cd/<sm3>}: a file is written once per content
 * and never changed; its name is its SM3 digest, so any change to it shows on the next read. The default store
 * ({@code qingyuan.evidence.store=file}).
 */
@Component
@ConditionalOnProperty(name = "qingyuan.evidence.store", havingValue = "file", matchIfMissing = true)
class FileObjectStore implements ObjectStore {

    private final Path root;
    private final Staging staging;

    @org.springframework.beans.factory.annotation.Autowired
    FileObjectStore(Deployment deployment, EvidenceProperties properties) {
        this(deployment.dataDir().resolve("evidence"), properties.minFreeBytes());
    }

    FileObjectStore(Path root, long minFreeBytes) {
        this.root = root;
        this.staging = new Staging(root, minFreeBytes);
    }

    @Override
    public Received receive(InputStream in, long limit) throws IOException {
        return staging.receive(in, limit);
    }

    @Override
    public void keep(Received received) throws IOException {
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

    @Override
    public String put(byte[] bytes) {
        try {
            return keepBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String keepBytes(byte[] bytes) throws IOException {
        String sm3 = Staging.sm3(bytes);
        Path target = path(sm3);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(staging.tmp(), "thumb-", ".part");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);   // never leave a half-written file behind
                if (ObjectStore.noSpace(e)) {
                    throw new EvidenceStorageFullException(e);
                }
                throw e;
            }
        }
        return sm3;
    }

    @Override
    public boolean intact(String sm3) throws IOException {
        Path file = path(sm3);
        return Files.exists(file) && Staging.sm3(Files.newInputStream(file)).equals(sm3);
    }

    @Override
    public InputStream open(String sm3) throws IOException {
        return Files.newInputStream(path(sm3));
    }

    @Override
    public long size(String sm3) throws IOException {
        return Files.size(path(sm3));
    }

    Path path(String sm3) {
        return root.resolve("objects").resolve(sm3.substring(0, 2)).resolve(sm3.substring(2, 4)).resolve(sm3);
    }
}
