package org.qingyuan.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.qingyuan.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day, the head of the chain (date, last id, head hash) goes into {@code audit_anchor},
 * the log, and the file {@code <data-dir>/audit/anchors.log} outside the database: rewriting the
 * whole chain afterwards cannot match anchors kept elsewhere.
 */
@Component
class DailyAnchor {

    private static final Logger log = LoggerFactory.getLogger(DailyAnchor.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path file;

    DailyAnchor(JdbcClient jdbc, Clock clock, Deployment deployment) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.file = deployment.dataDir().resolve("audit").resolve("anchors.log");
    }

    @Scheduled(cron = "${qingyuan.audit.anchor-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "audit-daily-anchor", lockAtMostFor = "PT10M")
    public void anchorYesterday() {
        anchor(LocalDate.now(clock.withZone(CHINA)).minusDays(1));
    }

    /** Anchors the chain head as it is now under the given date; does nothing if the date is anchored or the trail is empty. */
    @Transactional
    public boolean anchor(LocalDate date) {
        var head = jdbc.sql("SELECT id, hash FROM audit_record ORDER BY id DESC LIMIT 1")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        if (head.isEmpty()) {
            return false;
        }
        long lastId = (Long) head.get()[0];
        String hash = (String) head.get()[1];
        int inserted = jdbc.sql("""
                        INSERT INTO audit_anchor (anchor_date, last_id, head_hash) VALUES (:date, :id, :hash)
                        ON CONFLICT (anchor_date) DO NOTHING
                        """)
                .param("date", date).param("id", lastId).param("hash", hash).update();
        if (inserted == 0) {
            return false;
        }
        String line = date + " " + lastId + " " + hash;
        log.info("Audit anchor {}", line);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new IllegalStateException("无法写入审计锚点文件 " + file, e);
        }
        return true;
    }
}
