package org.qingyuan.sheets.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.qingyuan.sheets.internal.SupervisionLedgerSheet;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.RequestValues;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/exports/ledger.xlsx?layout=survey-ledger|community-table|template&<ledger filters>&asOf=}:
 * the ledger inside the caller's jurisdiction as an official form, streamed; audited with its filters and count.
 * {@code layout=supervision-ledger} answers the supervision tracking ledger of 001 附件2 instead (its filters are
 * {@code state} and {@code town}; see {@link SupervisionLedgerController}).
 * <p>
 * {@code asOf=yyyy-mm-dd} (optional) writes the form as the ledger stood at the end of that day, China time
 * (Asia/Shanghai): the enterprises in the ledger then whose village then lay in {@code division}, with their fields as
 * they were (reconstructed from the ledger's versions), dated that day. It needs the layout {@code survey-ledger} or
 * {@code community-table} and a {@code division}, and takes no other ledger filter; a value that is not a date, a
 * future date, another layout, no division or another filter is a 400 naming {@code asOf}. The rectification columns
 * are as {@link org.qingyuan.sheets.OfficialForms} describes (the state and its date as of the day, a case's 整治要求 /
 * 整治期限 / 分包责任人 current).
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

    private final org.qingyuan.ledger.EnterpriseQueryNarrowing narrowing;
    private final SupervisionLedgerController supervisionLedger;
    private final ExportGate gate;

    ExportApiController(LedgerSheets sheets, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
                        UserContacts contacts, Liaisons liaisons, org.qingyuan.ledger.EnterpriseQueryNarrowing narrowing,
                        SupervisionLedgerController supervisionLedger, ExportGate gate) {
        this.gate = gate;
        this.supervisionLedger = supervisionLedger;
        this.narrowing = narrowing;
        this.contacts = contacts;
        this.liaisons = liaisons;
        this.sheets = sheets;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @GetMapping("/api/v1/exports/ledger.xlsx")
    void ledger(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        if (SupervisionLedgerSheet.PARAM.equals(params.getOrDefault("layout", "").strip())) {
            // 001 附件2 is written from the supervision module's tracking ledger, not from the enterprise ledger
            supervisionLedger.write(params.get("state"), params.get("town"), response);
            return;
        }
        gate.run(() -> export(params, response));
    }

    void export(Map<String, String> params, HttpServletResponse response) {
        String layoutParam = params.getOrDefault("layout", "survey-ledger");
        Layout layout = Layout.byParam(layoutParam.strip()).orElseThrow(() -> new InvalidInputException("layout",
                "layout 应为 survey-ledger（排查台账）、community-table（社区统计表）、supervision-ledger（督查跟踪台账）或 template（全字段）"));
        CurrentUser user = CurrentUsers.require();
        Scope scope = user.scope();
        // the filters other modules contribute (网格) select here as in the list
        EnterpriseQuery query = narrowing.narrow(EnterpriseQueryParameters.export(params), params, scope);
        if (query.division() != null && !scope.covers(query.division()) && !query.division().contains(scope.division())) {
            throw new InvalidInputException("division", "区划 " + query.division() + " 不在您的辖区 " + scope.division() + " 内");
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        LocalDate asOf = asOf(params, layout, query, today);
        LocalDate date = asOf != null ? asOf : today;
        // the unit's liaison (组织机构) signs the form; a unit that named none is signed by the exporting user
        LedgerSheets.Liaison liaison = liaisons.forDivision(query.division() != null ? query.division() : scope.division())
                .map(l -> new LedgerSheets.Liaison(l.name(), l.phone()))
                .or(() -> contacts.contact(user.username())
                        .map(c -> new LedgerSheets.Liaison(c.displayName(), c.phone() == null ? "" : c.phone())))
                .orElse(new LedgerSheets.Liaison(user.displayName(), ""));
        ImportApiController.attachment(response, layout.title() + "-" + date + ".xlsx");
        tx.executeWithoutResult(s -> {
            long count;
            try {
                count = asOf == null ? sheets.write(layout, query, scope, today, liaison, response.getOutputStream())
                        : sheets.writeAsOf(layout, query.division(), scope, endOf(asOf), asOf, liaison, response.getOutputStream());
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

    /**
     * The {@code asOf} day, or null when not asked for: only for the two official forms of one division, with no other
     * filter, and not after today.
     */
    private static LocalDate asOf(Map<String, String> params, Layout layout, EnterpriseQuery query, LocalDate today) {
        LocalDate asOf = RequestValues.date("asOf", params.get("asOf"));
        if (asOf == null) {
            return null;
        }
        if (layout == Layout.TEMPLATE || query.division() == null) {
            throw new InvalidInputException("asOf",
                    "按日期导出（asOf）只用于排查台账（survey-ledger）或社区统计表（community-table），并须指定区划（division）");
        }
        if (!query.equals(EnterpriseQueryParameters.export(Map.of("division", query.division().value())))) {
            throw new InvalidInputException("asOf", "按日期导出（asOf）只按区划（division）选取企业，不能与其他筛选条件同用");
        }
        if (asOf.isAfter(today)) {
            throw new InvalidInputException("asOf", "导出日期（asOf）不能晚于今天（" + today + "）");
        }
        return asOf;
    }

    /** The last microsecond of the day, China time: everything recorded that day counts. */
    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(CHINA).toInstant().minus(1, ChronoUnit.MICROS);
    }
}
