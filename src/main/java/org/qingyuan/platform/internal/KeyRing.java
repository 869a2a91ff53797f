package org.qingyuan.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SM4 keys in a file outside the database, one {@code id=base64} line per key and a {@code current=id} line; created
 * with mode 0600 when missing. Old keys stay so that values sealed under them can still be opened.
 */
final class KeyRing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private String current;

    KeyRing(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            load();
        } else {
            add();
        }
    }

    synchronized String current() {
        return current;
    }

    synchronized byte[] key(String id) {
        byte[] key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("field cipher key " + id + " is not in " + file);
        }
        return key;
    }

    /** Adds a fresh 128-bit key, makes it current and writes the file. */
    synchronized String add() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String id = "k" + (keys.size() + 1) + "-" + Long.toString(System.currentTimeMillis(), 36);
        keys.put(id, key);
        current = id;
        save();
        return id;
    }

    private void load() {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                String name = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                if ("current".equals(name)) {
                    current = value;
                } else {
                    keys.put(name, Base64.getDecoder().decode(value));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the field cipher key file " + file, e);
        }
        if (current == null || !keys.containsKey(current)) {
            throw new IllegalStateException("the field cipher key file " + file + " names no current key");
        }
    }

    private void save() {
        StringBuilder text = new StringBuilder("# Qingyuan field cipher keys (SM4). Keep secret; back up with the database.\n");
        keys.forEach((id, key) -> text.append(id).append('=').append(Base64.getEncoder().encodeToString(key)).append('\n'));
        text.append("current=").append(current).append('\n');
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the directory inherits the data directory's ACL
                }
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            restrict(tmp);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the field cipher key file " + file, e);
        }
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the data directory's ACL
        }
    }
}
