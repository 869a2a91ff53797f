package org.qingyuan.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Where the dossier's files live, addressed by their SM3 digest: written once per content, never changed, checked
 * against their name on every read. An upload is first received into a local temporary file (hashed as it arrives),
 * then kept under its address in one step, so no reader ever sees half an object. The filesystem store is the default;
 * {@code qingyuan.evidence.store=s3} selects an S3-compatible object store.
 */
interface ObjectStore {

    /** A file received so far: where it waits, its digest and size. */
    record Received(Path file, String sm3, long size) {
    }

    /** Copies a stream to a temporary file, hashing as it goes; stops at {@code limit} bytes and answers a null file then. */
    Received receive(InputStream in, long limit) throws IOException;

    /** Moves a received file to its address (or drops it when the same content is already stored). */
    void keep(Received received) throws IOException;

    /** Stores bytes (a thumbnail) and answers their address. */
    String put(byte[] bytes);

    /** True when the stored object exists and still has this digest. */
    boolean intact(String sm3) throws IOException;

    /** The stored object's bytes. */
    InputStream open(String sm3) throws IOException;

    /** The stored object's size in bytes. */
    long size(String sm3) throws IOException;

    /** A write that failed because the disk (or the quota) is full. */
    static boolean noSpace(IOException e) {
        String message = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return message != null && (message.contains("No space left") || message.contains("Disk quota exceeded")
                || message.contains("not enough space"));
    }
}
