package org.qingyuan.gatekeeping.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.lead.Lead;
import org.qingyuan.lead.Leads;
import org.qingyuan.lead.NewLead;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.Cases;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The utility signal feed: consumption readings for accounts at sites that were shut down. A reading above the
 * threshold at an enterprise whose 关停取缔 case is closed out raises a rebound lead in its town's queue
 * ({@link Leads#report}); a repeated reading (same utility, account and period) answers the lead filed before. The
 * lead's source is {@link Discovery#ASSIGNED} (上级交办), the closest of the ledger's sources: the finding is handed to
 * the town by another body, not seen on a patrol; the source reference names the utility, account and period.
 */
@Service
public class UtilitySignals {

    private static final Set<String> UTILITIES = Set.of("WATER", "POWER", "GAS");

    private final Cases cases;
    private final EnterpriseSites sites;
    private final Leads leads;
    private final AuditTrail audit;
    private final GatekeepingProperties properties;

    UtilitySignals(Cases cases, EnterpriseSites sites, Leads leads, AuditTrail audit, GatekeepingProperties properties) {
        this.cases = cases;
        this.sites = sites;
        this.leads = leads;
        this.audit = audit;
        this.properties = properties;
    }

    /** One reading: the account at an enterprise of the ledger, the period (e.g. 2026-11) and the consumption. */
    public record Reading(Long enterpriseId, String accountNumber, String period, Double consumption) {
    }

    /** What the feed did: readings received, those at closed sites, and the leads raised. */
    public record Result(int received, int atClosedSites, List<Long> leadIds) {
    }

    @Transactional
    public Result receive(String utility, List<Reading> readings, CurrentUser caller) {
        String u = utility == null ? "" : utility.strip().toUpperCase();
        if (!UTILITIES.contains(u)) {
            throw new InvalidInputException("utility", "请指明供水（WATER）、供电（POWER）或供气（GAS）");
        }
        if (readings == null || readings.isEmpty() || readings.size() > 5000) {
            throw new InvalidInputException("readings", "请报送 1 至 5000 条读数");
        }
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            if (r == null || r.enterpriseId() == null || r.accountNumber() == null || r.accountNumber().isBlank()
                    || r.period() == null || r.period().isBlank() || r.consumption() == null || r.consumption() < 0) {
                throw new InvalidInputException("readings[" + i + "]", "第 " + (i + 1) + " 条读数须有企业编号、户号、期间和非负用量");
            }
        }
        Scope scope = Scope.of(caller.division());
        var located = sites.sites(readings.stream().map(Reading::enterpriseId).distinct().toList());
        int closed = 0;
        List<Long> raised = new ArrayList<>();
        for (Reading r : readings) {
            var site = located.get(r.enterpriseId());
            if (site == null || !scope.covers(DivisionCode.of(site.divisionCode()))) {
                continue;
            }
            var theCase = cases.ofEnterprise(r.enterpriseId(), scope);
            if (theCase.isEmpty() || theCase.get().measure() != MeasureKind.SHUTDOWN
                    || theCase.get().state() != CaseState.CLOSED_OUT) {
                continue;
            }
            closed++;
            if (r.consumption() <= properties.readingThreshold()) {
                continue;
            }
            String label = switch (u) {
                case "WATER" -> "用水";
                case "GAS" -> "用气";
                default -> "用电";
            };
            Lead lead = leads.report(new NewLead(Discovery.ASSIGNED, "utility:" + u + ":" + r.accountNumber().strip() + ":"
                    + r.period().strip(), DivisionCode.of(site.divisionCode()), site.name(), site.address(), site.longitude(),
                    site.latitude(), "反弹信号：已关停取缔（已销号）的场所，户号 " + r.accountNumber().strip() + " 在 " + r.period().strip()
                    + " " + label + " " + r.consumption() + "，超过阈值 " + properties.readingThreshold()
                    + "，疑似恢复生产（死灰复燃），请现场核查"), scope);
            raised.add(lead.id());
        }
        audit.record(new AuditEvent("UTILITY_READINGS_RECEIVED", "UtilityReading", null, null,
                Map.of("utility", u, "received", readings.size(), "atClosedSites", closed, "leads", raised)));
        return new Result(readings.size(), closed, raised);
    }
}
