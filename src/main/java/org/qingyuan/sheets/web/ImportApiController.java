package org.qingyuan.sheets.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.sheets.internal.ImportJob;
import org.qingyuan.sheets.internal.ImportJobs;
import org.qingyuan.sheets.internal.ImportReport;
import org.qingyuan.sheets.internal.Imports;
import org.qingyuan.sheets.internal.Layout;
import org.qingyuan.sheets.internal.DeclaredFactColumns;
import org.qingyuan.sheets.internal.LedgerSheets;
import org.qingyuan.sheets.internal.SupervisionLedgerSheet;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Excel imports under {@code /api/v1/imports}: upload (202 with the job), state and counts, row outcomes, report. The
 * supervision tracking ledger ({@code layout=supervision-ledger}) is no import job: it is recorded at once, all or none
 * (201, or 400 with every bad row; see {@link SupervisionLedgerController}).
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Imports imports;
    private final ImportJobs jobs;
    private final ImportReport report;
    private final LedgerSheets sheets;
    private final DeclaredFactColumns declaredColumns;

    private final SupervisionLedgerController supervisionLedger;

    ImportApiController(Imports imports, ImportJobs jobs, ImportReport report, LedgerSheets sheets,
                        DeclaredFactColumns declaredColumns, SupervisionLedgerController supervisionLedger) {
        this.supervisionLedger = supervisionLedger;
        this.declaredColumns = declaredColumns;
        this.imports = imports;
        this.jobs = jobs;
        this.report = report;
        this.sheets = sheets;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> upload(@RequestParam(name = "file", required = false) MultipartFile file,
                                               @RequestParam(name = "layout", required = false) String layout,
                                               @RequestParam(name = "mode", required = false) String mode) throws IOException {
        if (layout != null && SupervisionLedgerSheet.PARAM.equals(layout.strip())) {
            // 001 附件2 is recorded at once, all or none, by the supervision module (201 with what was recorded)
            return SupervisionLedgerController.created(supervisionLedger.record(file));
        }
        ImportJob job = submit(imports, file, layout, mode);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/imports/" + job.id()))
                .body(ImportJson.of(job));
    }

    static ImportJob submit(Imports imports, MultipartFile file, String layout, String mode) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请选择要导入的 Excel 文件");
        }
        Layout l = Layout.byParam(layout == null ? "" : layout.strip())
                .orElseThrow(() -> new InvalidInputException("layout", "layout 应为 survey-ledger（排查台账）、community-table（社区统计表）、template（平台模板）或 supervision-ledger（督查跟踪台账）"));
        ImportJob.Mode m = ImportJob.Mode.byParam(mode == null || mode.isBlank() ? "valid-rows" : mode.strip())
                .orElseThrow(() -> new InvalidInputException("mode", "mode 应为 valid-rows（导入有效行）或 all-or-nothing（全部有效才导入）"));
        return imports.submit(file.getOriginalFilename(), file.getInputStream(), l, m, CurrentUsers.require());
    }

    @GetMapping
    List<Map<String, Object>> recent() {
        return imports.recent(CurrentUsers.require()).stream().map(ImportJson::of).toList();
    }

    @GetMapping("/{id:\\d+}")
    Map<String, Object> get(@PathVariable long id) {
        return ImportJson.of(imports.get(id, CurrentUsers.require()));
    }

    /** Row outcomes in file order; {@code outcome} = ACCEPTED | REJECTED | DUPLICATE, {@code warnings=true} for warned rows. */
    @GetMapping("/{id:\\d+}/rows")
    Map<String, Object> rows(@PathVariable long id, @RequestParam(required = false) String outcome,
                             @RequestParam(defaultValue = "false") boolean warnings, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        ImportJob job = imports.get(id, CurrentUsers.require());
        if (outcome != null && !List.of("ACCEPTED", "REJECTED", "DUPLICATE").contains(outcome)) {
            throw new InvalidInputException("outcome", "outcome 应为 ACCEPTED、REJECTED 或 DUPLICATE");
        }
        int limit = Math.max(1, Math.min(size, 500));
        return Map.of("importId", job.id(), "page", Math.max(0, page), "size", limit,
                "items", jobs.rows(job.id(), outcome, warnings, Math.max(0, page) * limit, limit));
    }

    @GetMapping("/{id:\\d+}/report.xlsx")
    void report(@PathVariable long id, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        ImportJob job = imports.get(id, user);
        if (job.state() == ImportJob.State.FAILED) {
            throw new ConflictException("导入任务 #" + id + " 失败了，没有逐行报告"
                    + (job.message() == null ? "" : "：" + job.message()));
        }
        attachment(response, "导入报告-" + id + "-" + job.fileName().replaceAll("\\.xlsx?$|\\.xlsm$", "") + ".xlsx");
        report.write(job, response.getOutputStream());
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        attachment(response, "台账导入模板.xlsx");
        sheets.template(response.getOutputStream(), declaredColumns.active());
    }

    static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
    }
}
