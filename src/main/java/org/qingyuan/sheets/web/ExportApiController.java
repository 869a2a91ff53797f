package org.qingyuan.sheets.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.ledger.EnterpriseQueryParameters;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.UserContacts;
import org.qingyuan.organisation.Liaisons;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.sheets.internal.Layout;
import org.qingyuan.sheets.internal.LedgerSheets;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/exports/ledger.xlsx?layout=survey-ledger|community-table|template&<ledger filters>}:
 * the ledger inside the caller's jurisdiction as an official form, streamed; audited with its filters and count.
 */
@RestController
class ExportApiController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final LedgerSheets sheets;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    private final UserContacts contacts;
    private final Liaisons liaisons;

    ExportApiController(LedgerSheets sheets, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
                        UserContacts contacts, Liaisons liaisons) {
        this.contacts = contacts;
        this.liaisons = liaisons;
        this.sheets = sheets;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @GetMapping("/api/v1/exports/ledger.xlsx")
    void ledger(@RequestParam Map<String, String> params, HttpServletResponse response) {
        export(params, response);
    }

    void export(Map<String, String> params, HttpServletResponse response) {
        String layoutParam = params.getOrDefault("layout", "survey-ledger");
        Layout layout = Layout.byParam(layoutParam.strip()).orElseThrow(() -> new InvalidInputException("layout",
                "layout 应为 survey-ledger（排查台账）、community-table（社区统计表）或 template（全字段）"));
        EnterpriseQuery query = EnterpriseQueryParameters.export(params);
        CurrentUser user = CurrentUsers.require();
        Scope scope = user.scope();
        if (query.division() != null && !scope.covers(query.division()) && !query.division().contains(scope.division())) {
            throw new InvalidInputException("division", "区划 " + query.division() + " 不在您的辖区 " + scope.division() + " 内");
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        // the unit's liaison (组织机构) signs the form; a unit that named none is signed by the exporting user
        LedgerSheets.Liaison liaison = liaisons.forDivision(query.division() != null ? query.division() : scope.division())
                .map(l -> new LedgerSheets.Liaison(l.name(), l.phone()))
                .or(() -> contacts.contact(user.username())
                        .map(c -> new LedgerSheets.Liaison(c.displayName(), c.phone() == null ? "" : c.phone())))
                .orElse(new LedgerSheets.Liaison(user.displayName(), ""));
        ImportApiController.attachment(response, layout.title() + "-" + today + ".xlsx");
        tx.executeWithoutResult(s -> {
            long count;
            try {
                count = sheets.write(layout, query, scope, today, liaison, response.getOutputStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("layout", layout.param());
            details.put("count", count);
            Map<String, String> filters = new LinkedHashMap<>(params);
            filters.remove("layout");
            details.put("filters", filters);
            audit.record(new AuditEvent("LEDGER_EXPORTED", "Ledger", null, "导出" + layout.label(), details));
        });
    }
}
