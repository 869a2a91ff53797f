package org.qingyuan.complaint.web;

import java.io.IOException;

import org.qingyuan.complaint.internal.HotlineImport;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The district office imports a 12369 batch (.xlsx/.csv), all or nothing, and reads the row report. */
@Controller
class ComplaintImportController {

    private final HotlineImport imports;

    ComplaintImportController(HotlineImport imports) {
        this.imports = imports;
    }

    @GetMapping("/complaints/import")
    String form(Model model) {
        model.addAttribute("report", null);
        return "complaint/import";
    }

    @PostMapping("/complaints/import")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model) throws IOException {
        model.addAttribute("report", null);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "请选择 12369 平台导出的 .xlsx 或 .csv 文件");
            return "complaint/import";
        }
        try {
            HotlineImport.Report report = imports.importBatch(file.getOriginalFilename(), file.getBytes());
            model.addAttribute("report", report);
            if (report.ok()) {
                model.addAttribute("message", "已导入 " + report.imported() + " 件举报");
            } else {
                model.addAttribute("error", "文件中有 " + report.errors().size() + " 处错误，整批未导入，请改正后重新上传");
            }
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "complaint/import";
    }
}
