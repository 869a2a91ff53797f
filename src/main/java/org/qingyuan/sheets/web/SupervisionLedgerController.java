package org.qingyuan.sheets.web;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.sheets.internal.SupervisionLedgerImport;
import org.qingyuan.sheets.internal.SupervisionLedgerSheet;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.ValidationException;
import org.qingyuan.supervision.ProblemState;
import org.qingyuan.supervision.SupervisionLedger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervision tracking ledger (督查跟踪台账, 001 附件2) in and out:
 * {@code GET /api/v1/exports/supervision-ledger.xlsx?state=&town=} (also {@code /api/v1/exports/ledger.xlsx?layout=
 * supervision-ledger} and the page address {@code /exports/supervision-ledger}) writes the rows the caller may see,
 * audited; {@code POST /api/v1/imports/supervision-ledger} (also {@code POST /api/v1/imports} with {@code
 * layout=supervision-ledger}) records a paper ledger's rows at once, all or none, and answers 201 with
 * {@code {recorded, already, problemIds}}; the page {@code /imports/supervision-ledger} uploads it and shows the result
 * on the tracking ledger's page.
 */
@Controller
class SupervisionLedgerController {

    /** The route whose rule says who may record a paper ledger (督查组, 区办). */
    static final String IMPORT_ROUTE = "/api/v1/imports/supervision-ledger";
    /** The upload page of 督查组 and 区办 (the ledger import page is the towns'). */
    static final String PAGE = "/imports/supervision-ledger";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SupervisionLedgerSheet sheet;
    private final SupervisionLedgerImport imports;
    private final AuditTrail audit;
    private final RouteAccess routes;
    private final Clock clock;

    SupervisionLedgerController(SupervisionLedgerSheet sheet, SupervisionLedgerImport imports, AuditTrail audit,
                                RouteAccess routes, Clock clock) {
        this.sheet = sheet;
        this.imports = imports;
        this.audit = audit;
        this.routes = routes;
        this.clock = clock;
    }

    @GetMapping({"/api/v1/exports/supervision-ledger.xlsx", "/exports/supervision-ledger"})
    void export(@RequestParam(required = false) String state, @RequestParam(required = false) String town,
                HttpServletResponse response) throws IOException {
        write(state, town, response);
    }

    /** Writes the form for the caller; the ledger export delegates here for {@code layout=supervision-ledger}. */
    void write(String stateParam, String townParam, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        ProblemState state = state(stateParam);
        String town = town(townParam);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        ImportApiController.attachment(response, sheet.title(user) + "-" + today + ".xlsx");
        long count = sheet.write(user, state, town, today, response.getOutputStream());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("layout", SupervisionLedgerSheet.PARAM);
        details.put("count", count);
        Map<String, String> filters = new LinkedHashMap<>();
        if (state != null) {
            filters.put("state", state.name());
        }
        if (town != null) {
            filters.put("town", town);
        }
        details.put("filters", filters);
        audit.record(new AuditEvent("LEDGER_EXPORTED", "SupervisionProblem", null, "导出" + SupervisionLedgerSheet.LABEL, details));
    }

    @PostMapping(IMPORT_ROUTE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> upload(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        return created(record(file));
    }

    @GetMapping(PAGE)
    String page() {
        return "sheets/supervision-ledger";
    }

    /** The page's upload: the result on the tracking ledger's page, or the page again with every bad row. */
    @PostMapping(PAGE)
    String pageUpload(@RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) throws IOException {
        try {
            redirect.addFlashAttribute("message", message(record(file)));
            return "redirect:/supervision/problems";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            errors(model, e);
            return "sheets/supervision-ledger";
        }
    }

    /** The page's error line and, for several bad rows, their list. */
    static void errors(Model model, InvalidInputException e) {
        List<FieldError> errors = e instanceof ValidationException v ? v.errors() : List.of();
        model.addAttribute("error", errors.size() > 1 ? "有 " + errors.size() + " 处错误，未导入任何内容" : e.getMessage());
        model.addAttribute("rowErrors", errors);
    }

    /** Records the file's rows for the caller, who must be allowed the import route; the import API delegates here. */
    SupervisionLedger.Recorded record(MultipartFile file) throws IOException {
        CurrentUser user = CurrentUsers.require();
        // refused before the file is read, so that a town learns no more than that it may not
        if (!routes.allows(user, "POST", IMPORT_ROUTE)) {
            throw new AccessDeniedException("只有区办和督查组可以导入督查跟踪台账");
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请选择要导入的督查跟踪台账（.xlsx 或 .xls）");
        }
        return imports.record(file.getBytes(), user);
    }

    static ResponseEntity<Map<String, Object>> created(SupervisionLedger.Recorded r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("layout", SupervisionLedgerSheet.PARAM);
        body.put("recorded", r.recorded());
        body.put("already", r.already());
        body.put("problemIds", r.problemIds());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/supervision/problems")).body(body);
    }

    /** What the pages say after an import. */
    static String message(SupervisionLedger.Recorded r) {
        return r.recorded() == 0 ? "督查跟踪台账中的 " + r.already() + " 个问题此前都已导入，未重复登记"
                : "已导入督查跟踪台账 " + r.recorded() + " 个问题" + (r.already() > 0 ? "；另有 " + r.already() + " 个此前已导入，未重复登记" : "");
    }

    private static ProblemState state(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ProblemState.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "state 应为 FOUND、HANDED_OVER、RECTIFIED、VERIFIED 或 CLOSED_OUT");
        }
    }

    private static String town(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.strip().matches("\\d{9}")) {
            throw new InvalidInputException("town", "town 应为 9 位乡（镇）、办区划代码");
        }
        return raw.strip();
    }
}
