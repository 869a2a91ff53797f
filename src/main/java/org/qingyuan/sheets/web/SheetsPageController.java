package org.qingyuan.sheets.web;

import java.io.IOException;
import java.util.List;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.ledger.Fact;
import org.qingyuan.sheets.internal.ImportJob;
import org.qingyuan.sheets.internal.ImportJobs;
import org.qingyuan.sheets.internal.Imports;
import org.qingyuan.sheets.internal.Layout;
import org.qingyuan.sheets.internal.SupervisionLedgerSheet;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The import page (upload, recent jobs), a job's page with its progress bar and result, and the export page. */
@Controller
class SheetsPageController {

    private final Imports imports;
    private final ImportJobs jobs;
    private final SupervisionLedgerController supervisionLedger;

    SheetsPageController(Imports imports, ImportJobs jobs, SupervisionLedgerController supervisionLedger) {
        this.imports = imports;
        this.jobs = jobs;
        this.supervisionLedger = supervisionLedger;
    }

    @GetMapping("/imports")
    String imports(Model model) {
        model.addAttribute("layouts", Layout.values());
        model.addAttribute("modes", ImportJob.Mode.values());
        model.addAttribute("jobs", imports.recent(CurrentUsers.require()));
        return "sheets/imports";
    }

    @PostMapping("/imports")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, @RequestParam(required = false) String layout,
                  @RequestParam(required = false) String mode, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) throws IOException {
        try {
            if (layout != null && SupervisionLedgerSheet.PARAM.equals(layout.strip())) {
                // recorded at once, all or none: the result is on the tracking ledger's page
                redirect.addFlashAttribute("message", SupervisionLedgerController.message(supervisionLedger.record(file)));
                return "redirect:/supervision/problems";
            }
            ImportJob job = ImportApiController.submit(imports, file, layout, mode);
            return "redirect:/imports/" + job.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            SupervisionLedgerController.errors(model, e);
            return imports(model);
        }
    }

    @GetMapping("/imports/{id:\\d+}")
    String job(@PathVariable long id, @RequestParam(required = false) String outcome, Model model) {
        ImportJob job = imports.get(id, CurrentUsers.require());
        model.addAttribute("job", job);
        model.addAttribute("outcome", outcome);
        if (job.state().finished()) {
            String filter = outcome == null || outcome.isBlank() ? "PROBLEMS" : outcome;
            List<java.util.Map<String, Object>> rows = switch (filter) {
                case "ACCEPTED", "REJECTED", "DUPLICATE" -> jobs.rows(id, filter, false, 0, 200);
                case "WARNINGS" -> jobs.rows(id, null, true, 0, 200);
                default -> {
                    List<java.util.Map<String, Object>> problems = new java.util.ArrayList<>(jobs.rows(id, "REJECTED", false, 0, 100));
                    problems.addAll(jobs.rows(id, "DUPLICATE", false, 0, 100));
                    yield problems;
                }
            };
            model.addAttribute("rows", rows);
            model.addAttribute("filter", filter);
        }
        return "sheets/import";
    }

    @GetMapping("/imports/{id:\\d+}/progress")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        ImportJob job = imports.get(id, CurrentUsers.require());
        model.addAttribute("job", job);
        if (job.state().finished()) {
            // reload the whole page once, so that the row results appear under the finished bar
            response.setHeader("HX-Refresh", "true");
        }
        return "sheets/import :: progress";
    }

    @GetMapping("/exports")
    String exports(Model model) {
        model.addAttribute("layouts", Layout.values());
        model.addAttribute("types", org.qingyuan.ledger.EnterpriseType.values());
        model.addAttribute("facts", Fact.values());
        return "sheets/exports";
    }
}
