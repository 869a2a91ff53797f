package org.qingyuan.platform.internal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster left running by an application that was killed ({@code kill -9}): its data
 * directory is not locked by a live application but {@code postmaster.pid} names a live
 * postgres process. It is shut down cleanly before the new start, so no data is lost.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    static final String LOCK_FILE = "epg-lock";

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path pgData, long waitSeconds) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        ensureNoLiveApplication(pgData);
        Optional<ProcessHandle> postmaster = livePostmaster(pidFile);
        if (postmaster.isEmpty()) {
            log.info("Stale postmaster.pid in {}; PostgreSQL will recover on start", pgData);
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("Found orphaned postmaster (pid {}) on {}; shutting it down before starting", process.pid(), pgData);
        process.destroy(); // SIGTERM: smart shutdown, completes once the dead client's sessions are gone
        try {
            process.onExit().get(waitSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("无法停止遗留的数据库进程 pid " + process.pid() + "，请手动停止后重试", e);
        }
        log.info("Orphaned postmaster stopped");
    }

    private static void ensureNoLiveApplication(Path pgData) throws IOException {
        Path lockFile = pgData.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileOutputStream out = new FileOutputStream(lockFile.toFile(), true);
             FileLock lock = out.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("数据目录 " + pgData + " 正被另一个运行中的清源实例使用");
            }
        }
    }

    private static Optional<ProcessHandle> livePostmaster(Path pidFile) throws IOException {
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
    }
}
