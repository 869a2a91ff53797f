package org.qingyuan.complaint.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.complaint.Channel;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.Reporter;
import org.qingyuan.complaint.ServiceKind;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.patrol.RevisitRequests;
import org.qingyuan.platform.Deployment;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "It is producing again" (反弹, 002 回头看) from a closed-out site's public notice: a complaint linked to the enterprise
 * and its case is filed, and a revisit of the site is put on the town's list for today (patrol's {@link RevisitRequests}),
 * in one transaction.
 */
@Service
public class ReboundReports {

    private final PublicResults results;
    private final ComplaintIntake intake;
    private final EnterpriseSites sites;
    private final RevisitRequests revisits;
    private final Deployment deployment;
    private final Clock clock;

    ReboundReports(PublicResults results, ComplaintIntake intake, EnterpriseSites sites, RevisitRequests revisits, Deployment deployment,
                   Clock clock) {
        this.results = results;
        this.intake = intake;
        this.sites = sites;
        this.revisits = revisits;
        this.deployment = deployment;
        this.clock = clock;
    }

    @Transactional
    public Complaint report(long enterpriseId, String description, Reporter reporter, List<Intake.Photo> photos) {
        CaseSummary c = results.closedOutCase(enterpriseId).orElseThrow(() -> new NotFoundException("没有该销号公示"));
        var site = sites.sites(List.of(enterpriseId)).get(enterpriseId);
        String what = description == null || description.isBlank() ? "销号公示页反映：该场所又在生产" : description.strip();
        Complaint complaint = intake.receive(new Intake(Channel.REBOUND, null, ServiceKind.REBOUND,
                "【" + c.enterpriseName() + "】" + what, site == null || site.address() == null ? c.enterpriseName() : site.address(),
                site == null ? null : site.longitude(), site == null ? null : site.latitude(), reporter, photos, null, enterpriseId, c.id()));
        revisits.requestRevisit(enterpriseId, LocalDate.now(clock.withZone(ComplaintHandling.CHINA)),
                "群众在销号公示页反映恢复生产（举报 " + complaint.trackingCode() + "）", Scope.of(deployment.homeDistrict()));
        return complaint;
    }
}
