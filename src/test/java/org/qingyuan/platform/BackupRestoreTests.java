package org.qingyuan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingyuan.QingyuanApplication;
import org.qingyuan.audit.AuditLog;
import org.qingyuan.audit.AuditVerification;
import org.qingyuan.platform.internal.DataBackup;
import org.qingyuan.platform.internal.DataBackupAccess;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The restore drill (issue 22 §3): back up a running demo deployment with the embedded database, restore it into an
 * empty data directory, start there, and find the audit chain intact, every evidence object matching its SM3 and the
 * ledger's counts equal.
 */
class BackupRestoreTests {

    static final List<String> COUNTED = List.of("enterprise", "enterprise_version", "evidence_attachment",
            "rectification_case", "rectification_step", "audit_anchor", "app_user");

    @TempDir
    Path work;

    static ConfigurableApplicationContext start(Path dataDir, boolean demo) {
        return new SpringApplicationBuilder(QingyuanApplication.class).run("--server.port=0",
                "--qingyuan.embedded.ephemeral=false", "--qingyuan.data-dir=" + dataDir, "--qingyuan.demo=" + demo);
    }

    static Map<String, Long> counts(JdbcClient jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    @Test
    void aBackupOfARunningDemoRestoresIntoAnEmptyDirectoryWithItsChainEvidenceAndLedgerIntact() throws Exception {
        Path live = work.resolve("live");
        Path backup = work.resolve("backup");
        Path restored = work.resolve("restored");
        Map<String, Long> atBackup;
        long auditRecords;
        try (var running = start(live, true)) {
            JdbcClient jdbc = running.getBean(JdbcClient.class);
            running.getBean(AuditLog.class).anchor(LocalDate.now().minusDays(1));
            atBackup = counts(jdbc);
            auditRecords = jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();
            DataBackup.backup(live, backup);   // while the platform runs and answers
            assertThat(counts(jdbc)).isEqualTo(atBackup);
        }
        assertThat(atBackup.get("evidence_attachment")).isPositive();
        assertThat(Files.readString(backup.resolve("audit/anchors.log"))).isNotBlank();

        String summary = DataBackup.restore(backup, restored);
        assertThat(summary).contains("every evidence object matches its SM3");

        try (var again = start(restored, false)) {
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            assertThat(counts(jdbc)).isEqualTo(atBackup);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single()).isGreaterThanOrEqualTo(auditRecords);
            AuditVerification chain = again.getBean(AuditLog.class).verify();
            assertThat(chain.intact()).as("audit chain %s", chain).isTrue();
            assertThat(chain.anchorsChecked()).isPositive();
            List<String> anchorsInDatabase = jdbc.sql("SELECT anchor_date || ' ' || last_id || ' ' || head_hash FROM audit_anchor")
                    .query(String.class).list();
            assertThat(Files.readAllLines(restored.resolve("audit/anchors.log"))).containsAll(anchorsInDatabase);
            List<String> digests = jdbc.sql("""
                    SELECT sm3 FROM evidence_attachment
                    UNION SELECT thumbnail_sm3 FROM evidence_attachment WHERE thumbnail_sm3 IS NOT NULL""")
                    .query(String.class).list();
            Path objects = restored.resolve("evidence/objects");
            for (String sm3 : digests) {
                Path object = objects.resolve(sm3.substring(0, 2)).resolve(sm3.substring(2, 4)).resolve(sm3);
                assertThat(object).as("object %s", sm3).exists();
                assertThat(DataBackupAccess.sm3(object)).isEqualTo(sm3);
            }
        }
    }
}
