package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.platform.Deployment;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Accepts uploads and runs them as background jobs: the file is stored under the data directory
 * with its SM3 digest, the job row is written, and the job is handed to this node's workers with
 * the uploader's identity; the upload answers at once.
 */
@Service
public class Imports implements DisposableBean {

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final Deployment deployment;
    private final SheetsProperties properties;
    private final Clock clock;
    private final ExecutorService workers;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);

    Imports(ImportJobs jobs, ImportRunner runner, Deployment deployment, SheetsProperties properties, Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.deployment = deployment;
        this.properties = properties;
        this.clock = clock;
        this.workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "sheets-import");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** This node's name in the job table. */
    String node() {
        return node;
    }

    /** Stores the upload, queues the job and answers it; the work happens in the background. */
    public ImportJob submit(String fileName, InputStream content, Layout layout, ImportJob.Mode mode, CurrentUser user)
            throws IOException {
        String name = fileName == null || fileName.isBlank() ? "未命名.xlsx" : Path.of(fileName).getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith(".xlsx") && !lower.endsWith(".xls") && !lower.endsWith(".xlsm")) {
            throw new InvalidInputException("file", "请上传 Excel 文件（.xlsx 或 .xls）");
        }
        Path dir = deployment.dataDir().resolve("imports");
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "upload-", ".part");
        SM3Digest sm3 = new SM3Digest();
        long size = 0;
        long max = properties.maxUploadMegabytes() * 1024L * 1024L;
        try (InputStream in = content; OutputStream out = Files.newOutputStream(temp)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                size += n;
                if (size > max) {
                    throw new InvalidInputException("file", "文件超过 " + properties.maxUploadMegabytes() + " MB");
                }
                sm3.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (size == 0) {
            Files.deleteIfExists(temp);
            throw new InvalidInputException("file", "上传的文件是空的");
        }
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        String hex = Hex.toHexString(digest);
        String extension = lower.endsWith(".xls") ? ".xls" : ".xlsx";
        Path stored = dir.resolve(hex + extension);
        Files.move(temp, stored, StandardCopyOption.REPLACE_EXISTING);
        Long same = jobs.sameFile(hex, user.scope()).orElse(null);
        long id = jobs.create(layout, mode, name, stored.toAbsolutePath().toString(), size, hex, user.division().value(),
                user.username(), user.displayName(), node, same, Instant.now(clock));
        Runnable job = new DelegatingSecurityContextRunnable(() -> runner.run(id, node), SecurityContextHolder.getContext());
        workers.execute(job);
        return jobs.find(id).orElseThrow();
    }

    /** A job inside the caller's jurisdiction; another's answers 404. */
    public ImportJob get(long id, CurrentUser user) {
        return jobs.find(id, user.scope()).orElseThrow(() -> new NotFoundException("导入任务 #" + id + " 不存在或不在您的辖区内"));
    }

    public List<ImportJob> recent(CurrentUser user) {
        return jobs.recent(user.scope(), 20);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
