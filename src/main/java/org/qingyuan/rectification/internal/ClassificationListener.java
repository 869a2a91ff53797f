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
import org.qingyuan.ledger.EnterpriseClassified;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.MeasurePlan;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.ResponsiblePersons;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens and re-aligns cases when the ledger stores classifications, in the ledger's transaction and in
 * batches (one query to find the existing cases, one batch each for new cases, changed cases and steps):
 * <ul>
 * <li>a measure (shutdown, relocation, remediation) and no case: a case opens;</li>
 * <li>a changed measure, items or deadlines and an open or withdrawn case: the case follows (a withdrawn one reopens);</li>
 * <li>no measure (不属于整治范围), undetermined, or supervision only (严格监管, which has no end to close out):
 *     an open case is withdrawn, its timeline kept;</li>
 * <li>a closed-out case is left as it is: a new finding on a closed enterprise is a rebound for a revisit to reopen.</li>
 * </ul>
 */
@Component
class ClassificationListener {

    private final CaseStore store;
    private final EnterpriseSites sites;
    private final AuditTrail audit;
    private final Clock clock;
    private final TownReportService townReports;

    ClassificationListener(CaseStore store, EnterpriseSites sites, AuditTrail audit, Clock clock, TownReportService townReports) {
        this.store = store;
        this.sites = sites;
        this.audit = audit;
        this.clock = clock;
        this.townReports = townReports;
    }

    // same-transaction @EventListener: a classification and the case it opens, realigns or withdraws commit together (or neither)
    @EventListener
    public void on(EnterprisesClassified event) {
        apply(event.classifications());
    }

    /** What happened to the cases of one batch. */
    record Outcome(List<Long> opened, List<Long> realigned, List<Long> withdrawn) {
    }

    Outcome apply(List<EnterpriseClassified> classifications) {
        if (classifications.isEmpty()) {
            return new Outcome(List.of(), List.of(), List.of());
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Long> enterpriseIds = classifications.stream().map(EnterpriseClassified::enterpriseId).distinct().toList();
        Map<Long, CaseStore.Row> existing = store.byEnterprise(enterpriseIds);
        Map<Long, EnterpriseClassified> latest = new LinkedHashMap<>();
        classifications.forEach(c -> latest.put(c.enterpriseId(), c));

        List<RectificationCase> toOpen = new ArrayList<>();
        List<RectificationCase> changed = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        List<Long> realigned = new ArrayList<>();
        List<Long> withdrawn = new ArrayList<>();
        for (EnterpriseClassified ec : latest.values()) {
            MeasurePlan plan = MeasurePlan.of(ec.classification());
            CaseStore.Row row = existing.get(ec.enterpriseId());
            String by = ec.by() == null ? "system" : ec.by();
            if (row == null) {
                if (plan != null) {
                    toOpen.add(RectificationCase.open(ec.enterpriseId(), ec.divisionCode(), plan,
                            ResponsiblePersons.townOf(ec.divisionCode()), by, now));
                }
                continue;
            }
            RectificationCase c = row.rectificationCase();
            if (c.state() == CaseState.CLOSED_OUT) {
                continue;
            }
            if (plan == null) {
                if (c.state() != CaseState.WITHDRAWN) {
                    c.withdraw(by, "分类结果不再要求整治：" + reason(ec), now);
                    changed.add(c);
                    versions.add(c.version());
                    withdrawn.add(c.id());
                }
            } else if (c.state() == CaseState.WITHDRAWN || !plan.sameAs(c.plan())) {
                c.realign(plan, by, reason(ec), now);
                changed.add(c);
                versions.add(c.version());
                realigned.add(c.id());
            }
        }
        if (toOpen.isEmpty() && changed.isEmpty()) {
            return new Outcome(List.of(), realigned, withdrawn);
        }
        Map<Long, EnterpriseSites.Site> places = sites.sites(
                java.util.stream.Stream.concat(toOpen.stream(), changed.stream()).map(RectificationCase::enterpriseId).toList());
        // what the town reported for these enterprises in an import waits for their case: applied as it opens
        List<Long> reported = townReports.applyPending(toOpen, now);
        List<Long> opened = store.insertAll(toOpen, places, now);
        store.updateAll(changed, versions, places, now);
        List<Long> reportedCases = List.of();
        if (!reported.isEmpty()) {
            Map<Long, Long> casesByEnterprise = store.caseIdsOf(opened);
            casesByEnterprise.keySet().retainAll(reported);
            townReports.markApplied(casesByEnterprise, now);
            reportedCases = List.copyOf(casesByEnterprise.values());
        }
        audit(opened, realigned, withdrawn, reportedCases, classifications,
                toOpen.isEmpty() ? changed.get(0).enterpriseId() : toOpen.get(0).enterpriseId());
        return new Outcome(opened, realigned, withdrawn);
    }

    private void audit(List<Long> opened, List<Long> realigned, List<Long> withdrawn, List<Long> townReported,
                       List<EnterpriseClassified> batch, long firstEnterpriseId) {
        String reason = batch.get(0).reason();
        if (opened.size() + realigned.size() + withdrawn.size() == 1) {
            String action = !opened.isEmpty() ? "CASE_OPENED" : !realigned.isEmpty() ? "CASE_REALIGNED" : "CASE_WITHDRAWN";
            long id = !opened.isEmpty() ? opened.get(0) : !realigned.isEmpty() ? realigned.get(0) : withdrawn.get(0);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("enterpriseId", firstEnterpriseId);
            if (!townReported.isEmpty()) {
                details.put("townReportApplied", true);
            }
            audit.record(new AuditEvent(action, CaseService.OWNER_TYPE, Long.toString(id), reason, details));
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("opened", opened);
        details.put("realigned", realigned);
        details.put("withdrawn", withdrawn);
        details.put("townReportsApplied", townReported);
        audit.record(new AuditEvent("CASES_FOLLOWED_CLASSIFICATION", CaseService.OWNER_TYPE, null, reason, details));
    }

    private static String reason(EnterpriseClassified ec) {
        return ec.reason() == null ? "分类变更" : ec.reason();
    }
}
