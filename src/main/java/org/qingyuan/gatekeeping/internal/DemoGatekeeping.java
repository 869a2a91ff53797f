package org.qingyuan.gatekeeping.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.demo.DemoData;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.ledger.EnterpriseSummary;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, once, in the home district: one red-line area drawn around a site of the ledger (so that a lookup by its
 * coordinates answers "banned") and a village collective letting premises to a listed enterprise, with its guarantee
 * letter. No API token is seeded: a token's secret is shown once to the requester after a second person's approval (see
 * the README for the two steps).
 */
@Component
@Order(77)
class DemoGatekeeping implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGatekeeping.class);

    private final Deployment deployment;
    private final DemoData demo;
    private final Ledger ledger;
    private final EnterpriseSites sites;
    private final RedLines redLines;
    private final Landlords landlords;

    DemoGatekeeping(Deployment deployment, DemoData demo, Ledger ledger, EnterpriseSites sites, RedLines redLines,
                    Landlords landlords) {
        this.deployment = deployment;
        this.demo = demo;
        this.ledger = ledger;
        this.sites = sites;
        this.redLines = redLines;
        this.landlords = landlords;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("gatekeeping", this::build);
    }

    private void build() {
        var home = deployment.homeDistrict();
        CurrentUser office = new CurrentUser(0, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", home, null);
        List<EnterpriseSummary> listed = ledger.search(EnterpriseQuery.all().page(0, 100), office.scope()).items();
        var located = sites.sites(listed.stream().map(e -> e.id().value()).toList());
        // the first listed site (newest first) with coordinates, so that the demo is the same on every start
        var centre = listed.stream().map(x -> located.get(x.id().value()))
                .filter(s -> s != null && s.latitude() != null && s.longitude() != null).findFirst().orElse(null);
        if (centre == null) {
            log.info("演示数据 demo gatekeeping skipped: no enterprise with coordinates in {}", home.value());
            return;
        }
        double d = 0.004;
        double w = centre.longitude() - d;
        double e = centre.longitude() + d;
        double s = centre.latitude() - d;
        double n = centre.latitude() + d;
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[" + w + "," + s + "],[" + e + "," + s + "],[" + e + "," + n
                + "],[" + w + "," + n + "],[" + w + "," + s + "]]]}";
        redLines.create(new RedLines.Form("饮用水源保护区禁入红线（演示）", List.of(), polygon,
                List.of("ELECTROPLATING", "BRICK_KILN", "CHEMICAL", "小作坊"), "关于设立“散乱污”企业准入红线的通知",
                "演示〔2026〕1号", null, true), office);

        EnterpriseSummary tenant = listed.stream().filter(x -> x.classification() != null
                && x.classification().measureKind() != null).findFirst().orElse(listed.isEmpty() ? null : listed.get(0));
        if (tenant != null) {
            var landlord = landlords.register(new Landlords.Form("演示村股份经济合作社", "VILLAGE_COLLECTIVE",
                    tenant.division().value(), "王会计", "13800000000", List.of(tenant.id().value())), office);
            byte[] pdf = ("%PDF-1.4\n% 出租方保证书（演示）\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
            landlords.addGuarantee(landlord.id(), LocalDate.now().minusMonths(2), "出租方保证书.pdf",
                    new ByteArrayInputStream(pdf), office);
        }
        log.info("演示数据 demo gatekeeping: red line around {} ({}, {}), landlord of enterprise {}", centre.name(),
                centre.latitude(), centre.longitude(), tenant == null ? "-" : tenant.id().value());
    }
}
