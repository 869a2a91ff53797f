package org.qingyuan.utility.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.demo.DemoData;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.platform.Deployment;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseBrief;
import org.qingyuan.rectification.Cases;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.utility.LicenceActionKind;
import org.qingyuan.utility.SupplyAction;
import org.qingyuan.utility.Utility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, once, after the demo cases: an open power cut order for a shut-down enterprise waiting in the power
 * utility's queue, a water cut ordered and confirmed by the water utility (which records the case's 断水), and a
 * business licence revoked by market regulation. Works in any home district with demo enterprises.
 */
@Component
@Order(76)
class DemoUtility implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUtility.class);
    /** A small document standing in for the scanned order, receipt and decision. */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final Deployment deployment;
    private final DemoData demo;
    private final UtilityOrderService orders;
    private final LicenceService licences;
    private final Cases cases;
    private final EnterpriseSites sites;

    DemoUtility(Deployment deployment, DemoData demo, UtilityOrderService orders, LicenceService licences, Cases cases, EnterpriseSites sites) {
        this.deployment = deployment;
        this.demo = demo;
        this.orders = orders;
        this.licences = licences;
        this.cases = cases;
        this.sites = sites;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("utility", this::build);
    }

    private void build() {
        var district = deployment.homeDistrict();
        Scope scope = Scope.of(district);
        CurrentUser office = new CurrentUser(0, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", district, null);
        CurrentUser water = new CurrentUser(0, "water", "供水公司演示账号", "DEPARTMENT_OFFICER", "部门", district, Utility.WATER.departmentCode());
        CurrentUser market = new CurrentUser(0, "market", "市场监管部门演示账号", "DEPARTMENT_OFFICER", "部门", district,
                LicenceService.MARKET_REGULATION);
        List<CaseBrief> shutdowns = new ArrayList<>(cases.briefs(scope).values().stream()
                .filter(b -> b.measure() == MeasureKind.SHUTDOWN).sorted(Comparator.comparingLong(CaseBrief::caseId)).toList());
        List<Long> working = shutdowns.stream().filter(b -> b.state().acceptsWork()).map(CaseBrief::enterpriseId).toList();
        List<Long> enterprises = java.util.stream.Stream.concat(working.stream(),
                sites.activeDivisions(district).keySet().stream().sorted().limit(10)).distinct().toList();
        if (enterprises.isEmpty()) {
            log.info("演示数据 demo utility orders skipped: no enterprises in {}", district);
            return;
        }
        long powerCut = enterprises.get(0);
        Long waterCut = enterprises.stream().filter(e -> missing(e, Requirement.CUT_WATER, scope)).filter(e -> e != powerCut).findFirst()
                .orElse(enterprises.size() > 1 ? enterprises.get(1) : powerCut);
        long other = enterprises.stream().filter(e -> e != powerCut && !e.equals(waterCut)).findFirst().orElse(powerCut);
        orders.order(office, new UtilityOrderService.NewOrder(powerCut, Utility.POWER, SupplyAction.CUT, "DL-" + (880000 + powerCut),
                "该企业列为关停取缔，依法责令供电单位断电", "区散乱污整治办〔" + LocalDate.now().getYear() + "〕1号",
                new UtilityOrderService.Upload("责令断电通知书.pdf", PDF)));
        long waterOrder = orders.order(office, new UtilityOrderService.NewOrder(waterCut, Utility.WATER, SupplyAction.CUT,
                "SS-" + (660000 + waterCut), "该企业列为关停取缔，依法责令供水单位断水", null, null)).order().id();
        orders.confirm(water, waterOrder, 0, LocalDateTime.now(UtilityOrderService.CHINA).truncatedTo(ChronoUnit.MINUTES),
                "已关闭进水阀门并加封", new UtilityOrderService.Upload("停水执行回执.pdf", PDF));
        long revoked = shutdowns.stream().filter(b -> !b.state().acceptsWork()).map(CaseBrief::enterpriseId).findFirst()
                .orElse(other);
        licences.record(market, new LicenceService.NewAction(revoked, LicenceActionKind.REVOCATION, LocalDate.now(UtilityOrderService.CHINA)
                .minusDays(3), "市监处字〔" + LocalDate.now().getYear() + "〕12号", "区政府关于依法关停取缔“散乱污”企业的通知", null,
                new UtilityOrderService.Upload("吊销营业执照决定书.pdf", PDF)));
        log.info("演示数据 demo utility orders: power cut open for #{}, water cut confirmed for #{}, licence revoked for #{}", powerCut,
                waterCut, revoked);
    }

    private boolean missing(long enterpriseId, Requirement item, Scope scope) {
        return cases.ofEnterprise(enterpriseId, scope).map(c -> cases.get(c.id(), scope).rectificationCase())
                .map(c -> c.requirements().contains(item) && c.missingItems().contains(item)).orElse(false);
    }
}
