package org.qingyuan.audit.web;

import java.time.LocalDate;

import org.qingyuan.audit.AuditLog;
import org.qingyuan.audit.AuditQuery;
import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's viewer: filter the trail, verify the chain. */
@Controller
@RequestMapping("/audit")
class AuditPageController {

    private final AuditLog log;

    AuditPageController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    String records(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) String username, @RequestParam(required = false) String action,
                   @RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
                   @RequestParam(required = false) String outcome, @RequestParam(defaultValue = "0") int page,
                   Model model) {
        var query = new AuditQuery(from, to, username, action, objectType, objectId, outcome, page, 50);
        long total = log.count(query);
        model.addAttribute("query", query);
        model.addAttribute("records", log.search(query));
        model.addAttribute("total", total);
        model.addAttribute("pages", (total + query.size() - 1) / query.size());
        return "audit/records";
    }

    @GetMapping("/verification")
    String verification(Model model) {
        model.addAttribute("result", log.verify());
        return "audit/verification";
    }

    @Bean
    static NavigationItem auditNavigation() {
        return new NavigationItem("审计", "审计记录", "/audit", 950);
    }
}
