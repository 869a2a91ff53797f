package org.qingyuan.sheets.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.sheets.internal.LeadListImport;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.ValidationException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * 导入线索清单: a list of suspected sites (.xlsx or .xls) filed as leads in their towns' queues, all or none; the page
 * {@code /imports/leads} and the API {@code POST /api/v1/imports/leads} (multipart {@code file}, {@code source}).
 */
@Controller
class LeadListController {

    private final LeadListImport lists;

    LeadListController(LeadListImport lists) {
        this.lists = lists;
    }

    @GetMapping("/imports/leads")
    String form(Model model) {
        return page(model, "IMPORT", null, List.of());
    }

    @PostMapping("/imports/leads")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, @RequestParam(required = false) String source,
                  Model model, HttpServletResponse response) throws IOException {
        try {
            LeadListImport.Result r = lists.file(file == null ? null : file.getBytes(), source(source), CurrentUsers.require().scope());
            model.addAttribute("message", r.filed() == 0 ? "清单中的 " + r.already() + " 条线索此前都已导入，未重复登记"
                    : "已导入 " + r.filed() + " 条线索，已进入各镇（街道）的待核实队列"
                    + (r.already() > 0 ? "；另有 " + r.already() + " 条此前已导入，未重复登记" : ""));
            return page(model, source, r, List.of());
        } catch (ValidationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, source, null, e.errors());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, source, null, List.of(new FieldError(e.field(), e.getMessage())));
        }
    }

    @PostMapping(path = "/api/v1/imports/leads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    Map<String, Object> api(@RequestPart(name = "file", required = false) MultipartFile file,
                            @RequestParam(required = false) String source) throws IOException {
        LeadListImport.Result r = lists.file(file == null ? null : file.getBytes(), source(source == null ? "IMPORT" : source),
                CurrentUsers.require().scope());
        return Map.of("filed", r.filed(), "already", r.already(), "leadIds", r.leadIds());
    }

    private static Discovery source(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Discovery.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("source", "线索来源“" + raw + "”无效");
        }
    }

    private static String page(Model model, String source, LeadListImport.Result result, List<FieldError> errors) {
        model.addAttribute("source", source == null ? "IMPORT" : source);
        model.addAttribute("sources", List.of(Discovery.IMPORT, Discovery.ASSIGNED, Discovery.SUPERVISION, Discovery.COMPLAINT));
        model.addAttribute("result", result);
        model.addAttribute("rowErrors", errors);
        if (!errors.isEmpty()) {
            model.addAttribute("error", errors.size() == 1 ? errors.get(0).message() : "有 " + errors.size() + " 处错误，未导入任何线索");
        }
        return "sheets/leads";
    }
}
