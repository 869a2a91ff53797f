package org.qingyuan.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditLog;
import org.qingyuan.ledger.EnterpriseQueryParameters;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.sheets.internal.ImportJob;
import org.qingyuan.sheets.internal.ImportJobs;
import org.qingyuan.sheets.internal.Imports;
import org.qingyuan.sheets.internal.Layout;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The sheets module with the modules it depends on: a town's survey ledger submitted for import is read on the import
 * worker, its valid rows reach the ledger, the bad row is reported, and the import is audited
 * as a whole. All dependencies, not only the direct ones: the ledger's classification needs the policy module.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class SheetsModuleTests {

    static final DivisionCode DISTRICT = DivisionCode.of("410108");
    static final CurrentUser OFFICE = new CurrentUser(1, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", DISTRICT, null);

    static final List<String> HEADER = List.of("序号", "所在村组", "企业名称", "企业类型", "企业规模（人员等）", "原辅材料", "涉水涉气",
            "有无手续", "整治要求", "上报时间", "整治期限", "分包责任人", "完成情况（完成日期）", "备注");

    @Autowired
    Imports imports;

    @Autowired
    ImportJobs jobs;

    @Autowired
    Ledger ledger;

    @Autowired
    AuditLog audit;

    static List<String> row(String seq, String village, String name, String scale) {
        return List.of(seq, village, name, "小散乱污", scale, "钢材", "涉气", "无", "补办手续", "2026.11.2", "", "张三", "", "");
    }

    @Test
    void aTownsLedgerIsImportedOnTheWorkerReportedRowByRowAndAuditedOnce(Scenario scenario) throws Exception {
        String tag = "M" + UUID.randomUUID().toString().substring(0, 6);
        byte[] file = ImportClient.workbook(List.of("惠济区小散乱污企业排查台账", "镇（办）：新城街道    日期：2026年11月3日"), HEADER,
                List.of(row("1", "金河社区", tag + "金河机械厂", "3人"),
                        row("2", "金河社区", tag + "金河印刷厂", "十六人"),
                        row("3", "金河社区", "", "5人")));
        long[] job = new long[1];

        // submitted outside a transaction, as the upload endpoint does: the worker must see the committed job
        scenario.stimulate((TransactionOperations outsideAnyTransaction) -> {
                    try {
                        job[0] = imports.submit(tag + ".xlsx", new ByteArrayInputStream(file), Layout.SURVEY_LEDGER,
                                ImportJob.Mode.VALID_ROWS, OFFICE).id();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return job[0];
                })
                .andWaitForStateChange(() -> imports.get(job[0], OFFICE).state(), ImportJob.State::finished)
                .andVerify(state -> {
                    assertThat(state).isEqualTo(ImportJob.State.COMMITTED);
                    ImportJob done = imports.get(job[0], OFFICE);
                    assertThat(done.acceptedRows()).isEqualTo(2);
                    assertThat(done.rejectedRows()).isEqualTo(1);
                });

        assertThat(jobs.rows(job[0], "REJECTED", false, 0, 10)).singleElement()
                .satisfies(r -> assertThat(r.get("errors").toString()).contains("企业名称为空"));
        assertThat(ledger.search(EnterpriseQueryParameters.list(java.util.Map.of("q", tag)), Scope.of(DISTRICT)).items()).hasSize(2);
        assertThat(audit.forObject("SheetImport", Long.toString(job[0]))).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("LEDGER_IMPORTED"));
    }
}
