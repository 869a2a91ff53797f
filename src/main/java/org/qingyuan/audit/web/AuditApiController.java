package org.qingyuan.audit.web;

import java.time.LocalDate;
import java.util.List;

import org.qingyuan.audit.AuditEntry;
import org.qingyuan.audit.AuditLog;
import org.qingyuan.audit.AuditQuery;
import org.qingyuan.audit.AuditVerification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for the auditor: records with filters, and the chain verification. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/verification")
    AuditVerification verification() {
        return log.verify();
    }

    @GetMapping("/records")
    Page records(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) String username, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
                 @RequestParam(required = false) String outcome,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var query = new AuditQuery(from, to, username, action, objectType, objectId, outcome, page, size);
        return new Page(log.search(query), log.count(query), query.page(), query.size());
    }

    record Page(List<AuditEntry> records, long total, int page, int size) {
    }
}
