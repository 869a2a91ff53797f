package org.qingyuan.gatekeeping.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.gatekeeping.Gatekeeping;
import org.qingyuan.gatekeeping.LookupAnswer;
import org.qingyuan.gatekeeping.LookupAnswer.Match;
import org.qingyuan.gatekeeping.LookupAnswer.RedLineHit;
import org.qingyuan.gatekeeping.LookupQuery;
import org.qingyuan.gatekeeping.RedLineArea;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.ledger.EnterpriseSites.Listed;
import org.qingyuan.ledger.EnterpriseSites.Site;
import org.qingyuan.ledger.EnterpriseSummary;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseStanding;
import org.qingyuan.rectification.Cases;
import org.springframework.stereotype.Service;

/**
 * The lookup: finds the matching active enterprises of the ledger in the caller's district, what applies to each and its
 * case, and the red-line areas the point or a site lies in. A site is banned when its enterprise's measure is 关停取缔
 * (SHUTDOWN) and its case is not withdrawn — closed out (已取缔) or still being shut down: either way no approval, filing,
 * subsidy or connection may go to it (the provisions cited are the active plan's, see {@link LegalBasis}) — or when a
 * red-line area covers it. A listed enterprise
 * under another measure is answered "listed" with its measure and state, not banned: the approval body weighs it.
 */
@Service
class GatekeepingService implements Gatekeeping {

    static final int MAX_MATCHES = 10;

    private final Ledger ledger;
    private final EnterpriseSites sites;
    private final Cases cases;
    private final RedLineStore redLines;
    private final AuditTrail audit;
    private final GatekeepingProperties properties;
    private final LegalBasis legalBasis;

    GatekeepingService(Ledger ledger, EnterpriseSites sites, Cases cases, RedLineStore redLines, AuditTrail audit,
                       GatekeepingProperties properties, LegalBasis legalBasis) {
        this.legalBasis = legalBasis;
        this.ledger = ledger;
        this.sites = sites;
        this.cases = cases;
        this.redLines = redLines;
        this.audit = audit;
        this.properties = properties;
    }

    @Override
    public LookupAnswer lookup(LookupQuery query, CurrentUser caller) {
        LookupQuery.Way way = query.way();
        // the whole district of the caller: a department's officer or token sees the ledger of its district
        Scope scope = Scope.of(caller.division());
        List<Site> located = switch (way) {
            case CREDIT_CODE -> sites.withCreditCode(query.creditCode(), caller.division());
            case COORDINATES -> sites.near(query.latitude(), query.longitude(),
                    query.radiusMetres() == null ? properties.radiusMetres() : query.radiusMetres(), MAX_MATCHES,
                    caller.division());
            case NAME, ADDRESS -> null;
        };
        List<Listed> found = located != null ? listed(located, caller)
                : ledger.search(new EnterpriseQuery(null, way == LookupQuery.Way.NAME ? query.name() : query.address(), null,
                        null, null, null, null, null, null, null, null, null, false, false, EnterpriseQuery.Sort.NAME, false, 0,
                        MAX_MATCHES), scope).items().stream().map(GatekeepingService::listed).toList();
        List<RedLineArea> areas = redLines.applicable(caller.division());
        Map<Long, Site> siteById = found.isEmpty() ? Map.of() : located != null
                ? located.stream().collect(java.util.stream.Collectors.toMap(Site::id, x -> x, (a, b) -> a))
                : sites.sites(found.stream().map(Listed::id).toList());
        Map<Long, CaseStanding> standings = found.isEmpty() ? Map.of()
                : cases.standings(found.stream().map(Listed::id).toList(), scope);

        Map<Long, RedLineHit> hits = new LinkedHashMap<>();
        LinkedHashSet<String> reasons = new LinkedHashSet<>();
        if (way == LookupQuery.Way.COORDINATES) {
            for (RedLineArea area : areas) {
                RedLineBoundary boundary = redLines.boundary(area);
                if (boundary != null && boundary.contains(query.longitude(), query.latitude())) {
                    hits.put(area.id(), hit(area));
                    reasons.add(redLineReason("该位置", area));
                }
            }
        }
        List<Match> matches = new ArrayList<>();
        for (Listed e : found) {
            matches.add(match(e, siteById.get(e.id()), Optional.ofNullable(standings.get(e.id())), areas, hits));
        }
        matches.forEach(m -> reasons.addAll(m.reasons()));
        boolean banned = !hits.isEmpty() || matches.stream().anyMatch(Match::banned);
        if (!banned && matches.stream().anyMatch(m -> m.measure() != null)) {
            // listed under a measure but not banned: the approval body weighs it (no support in principle)
            reasons.add("已列入“散乱污”企业台账并有整治措施，" + legalBasis.noSupport());
        }
        LookupAnswer answer = new LookupAnswer(!matches.isEmpty(), matches, List.copyOf(hits.values()), banned,
                List.copyOf(reasons));
        audit.recordRead(new AuditEvent("GATEKEEPING_LOOKUP", "Gatekeeping", null, null, Map.of("by", way.name(),
                "query", query.value(), "listed", answer.listed(), "banned", banned,
                "enterprises", matches.stream().map(Match::enterpriseId).toList(),
                "redLines", List.copyOf(hits.keySet()))));
        return answer;
    }

    /** The ledger lines of the located sites, in the sites' order (nearest first), at most {@link #MAX_MATCHES}. */
    private List<Listed> listed(List<Site> located, CurrentUser caller) {
        if (located.isEmpty()) {
            return List.of();
        }
        var ids = located.stream().map(Site::id).distinct().limit(MAX_MATCHES).toList();
        Map<Long, Listed> byId = sites.listed(ids, caller.division());
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static Listed listed(EnterpriseSummary e) {
        return new Listed(e.id().value(), e.name(), e.creditCode(), e.division().value(), e.address(), e.classification());
    }

    private Match match(Listed e, Site site, Optional<CaseStanding> theCase, List<RedLineArea> areas,
                        Map<Long, RedLineHit> hits) {
        var classification = e.classification();
        MeasureKind measure = theCase.map(CaseStanding::measure)
                .orElse(classification == null ? null : classification.measureKind());
        String measureText = theCase.map(c -> c.measureName() != null ? c.measureName() : c.measure() == null ? null : c.measure().label())
                .orElse(classification == null ? null : classification.measureText());
        List<String> reasons = new ArrayList<>();
        LinkedHashSet<String> basis = new LinkedHashSet<>();
        boolean banned = false;
        if (measure == MeasureKind.SHUTDOWN && theCase.map(c -> c.state() != CaseState.WITHDRAWN).orElse(true)) {
            banned = true;
            boolean closed = theCase.map(c -> c.state() == CaseState.CLOSED_OUT).orElse(false);
            reasons.add("“" + e.name() + "”" + (closed ? "已被关停取缔（整治任务已销号" + closedOn(theCase.get()) + "）"
                    : "已被列为关停取缔对象（整治任务" + theCase.map(c -> c.state().label()).orElse("待立案") + "）")
                    + "，该企业及其场所不得办理审批、备案、补贴或接电接水，严防死灰复燃");
            basis.add(legalBasis.noNewProjects());
            basis.add(legalBasis.noSupport());
            basis.add(legalBasis.entryRedLine());
        }
        for (RedLineArea area : areas) {
            RedLineBoundary boundary = redLines.boundary(area);
            boolean inside = area.divisionCodes().stream().anyMatch(code -> e.divisionCode().startsWith(code))
                    || boundary != null && site != null && site.longitude() != null && site.latitude() != null
                    && boundary.contains(site.longitude(), site.latitude());
            if (inside) {
                banned = true;
                hits.putIfAbsent(area.id(), hit(area));
                reasons.add(redLineReason("“" + e.name() + "”的场所", area));
                basis.add(area.legalBasis());
            }
        }
        return new Match(e.id(), e.name(), e.creditCode(), e.divisionCode(), e.address(),
                classification == null ? null : classification.category(), measureText,
                theCase.map(c -> c.state().label()).orElse(null), banned, reasons, List.copyOf(basis));
    }

    private static String closedOn(CaseStanding c) {
        return c.closedOutOn() == null ? "" : "，" + c.closedOutOn();
    }

    private static String redLineReason(String subject, RedLineArea area) {
        return subject + "位于禁入红线区域“" + area.name() + "”内，" + industries(area.bannedIndustries())
                + "（依据" + area.document() + "；" + area.legalBasis() + "）";
    }

    private static String industries(List<String> codes) {
        if (codes.isEmpty()) {
            return "禁止新建生产经营型企业";
        }
        return "禁止" + String.join("、", labels(codes)) + "等行业进入";
    }

    static List<String> labels(List<String> codes) {
        return codes.stream().map(c -> {
            try {
                return Industry.valueOf(c).label();
            } catch (IllegalArgumentException freeText) {
                return c;
            }
        }).toList();
    }

    private static RedLineHit hit(RedLineArea area) {
        return new RedLineHit(area.id(), area.name(), labels(area.bannedIndustries()), area.document(), area.legalBasis());
    }
}
