package org.qingyuan.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.qingyuan.audit.AuditLog;
import org.qingyuan.platform.KilledMidCommit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An export is streamed from one read transaction that ends with its audit record; nothing is written to disk and
 * there is no export job. A node killed at its end leaves no audit record of a finished export and no workbook
 * answered as complete; the same export asked again succeeds and is audited once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExportKillTests {

    static final String URL = "/api/v1/exports/ledger.xlsx?layout=survey-ledger&division=410108001";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired AuditLog auditLog;

    long exportsSince(Instant since) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LEDGER_EXPORTED' AND outcome = 'SUCCESS'"
                        + " AND occurred_at >= :since").param("since", Timestamp.from(since)).query(Long.class).single();
    }

    @Test
    void anExportKilledAtItsEndIsNeitherAuditedNorAnsweredAsComplete() throws Exception {
        Instant since = Instant.now().minusMillis(1);
        CompletableFuture<Integer> export;
        try (KilledMidCommit chain = KilledMidCommit.holdAuditChain(dataSource)) {
            export = CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(get(URL).with(district())).andReturn().getResponse().getStatus();
                } catch (Exception e) {
                    return -1;   // the connection went away under the response: the client sees a broken download
                }
            });
            assertThat(chain.killUntilDone(export, 30)).isNotEmpty();
            assertThat(export.get(30, TimeUnit.SECONDS)).isNotEqualTo(200);
        }
        assertThat(exportsSince(since)).isZero();

        int status = mvc.perform(get(URL).with(district())).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
        assertThat(exportsSince(since)).isEqualTo(1);
        assertThat(auditLog.verify().intact()).isTrue();
    }
}
