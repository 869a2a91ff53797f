package org.qingyuan.rectification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.TownReport;
import org.qingyuan.rectification.TownReports;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the towns' reports and applies them to their cases: at once where the case exists, else when the
 * classification opens it ({@link ClassificationListener} calls {@link #applyPending}). Either way once, in
 * one batch, on the timeline and audited.
 */
@Service
class TownReportService implements TownReports {

    private final TownReportStore reports;
    private final CaseStore cases;
    private final AuditTrail audit;
    private final Clock clock;

    TownReportService(TownReportStore reports, CaseStore cases, AuditTrail audit, Clock clock) {
        this.reports = reports;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<Long> receive(List<TownReport> received, String by) {
        List<TownReport> kept = received.stream().filter(r -> !r.empty()).toList();
        if (kept.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        reports.save(kept, by, now);
        Map<Long, CaseStore.Row> existing = cases.byEnterprise(kept.stream().map(TownReport::enterpriseId).toList());
        List<RectificationCase> changed = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        Map<Long, Long> applied = new LinkedHashMap<>();
        for (TownReport r : kept) {
            CaseStore.Row row = existing.get(r.enterpriseId());
            if (row != null) {
                RectificationCase c = row.rectificationCase();
                versions.add(c.version());
                c.applyTownReport(r, by, now);
                changed.add(c);
                applied.put(r.enterpriseId(), c.id());
            }
        }
        cases.updateAll(changed, versions, null, now);
        reports.applied(applied, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reports", kept.size());
        details.put("appliedToCases", List.copyOf(applied.values()));
        details.put("source", kept.get(0).source());
        audit.record(new AuditEvent("TOWN_REPORTS_RECEIVED", CaseService.OWNER_TYPE, null,
                "镇街填报的整治要求、期限、责任人和完成情况", details));
        return List.copyOf(applied.values());
    }

    /**
     * Applies the waiting reports of cases about to be stored (new or changed ones, in the caller's transaction);
     * answers the enterprise ids whose report was applied. {@link #markApplied} records it once the ids are known.
     */
    List<Long> applyPending(List<RectificationCase> toStore, Instant now) {
        Map<Long, TownReportStore.Pending> pending = reports.pending(toStore.stream().map(RectificationCase::enterpriseId).toList());
        List<Long> applied = new ArrayList<>();
        for (RectificationCase c : toStore) {
            TownReportStore.Pending p = pending.get(c.enterpriseId());
            if (p != null) {
                // on the timeline as done by who imported the report
                c.applyTownReport(p.report(), p.by(), now);
                applied.add(c.enterpriseId());
            }
        }
        return applied;
    }

    void markApplied(Map<Long, Long> casesByEnterprise, Instant now) {
        reports.applied(casesByEnterprise, now);
    }
}
