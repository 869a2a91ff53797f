package org.qingyuan.map.internal;

import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.demo.DemoData;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseQuery;
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
 * In demo mode, once: three enterprises of the home district without a measure and in no grid lose their position through a ledger
 * edit (as a survey without coordinates would bring them), so that the map lists "3 家未标注位置" to place by a click.
 */
@Component
@Order(99)
class DemoMap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMap.class);
    private static final int UNPLACED = 3;

    private final Deployment deployment;
    private final DemoData demo;
    private final Ledger ledger;
    private final org.qingyuan.grid.Grids grids;

    DemoMap(Deployment deployment, DemoData demo, Ledger ledger, org.qingyuan.grid.Grids grids) {
        this.grids = grids;
        this.deployment = deployment;
        this.demo = demo;
        this.ledger = ledger;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("map", this::build);
    }

    private void build() {
        CurrentUser office = new CurrentUser(0, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", deployment.homeDistrict(), null);
        List<EnterpriseSummary> listed = ledger.search(EnterpriseQuery.all().page(0, 100), office.scope()).items();
        var inGrids = grids.ofEnterprises(listed.stream().map(e -> e.id().value()).toList()).keySet();
        // no measure (no case to follow) and in no grid (the grids' demo stays as it is)
        List<EnterpriseSummary> chosen = listed.stream()
                .filter(e -> e.classification() == null || e.classification().measureKind() == null)
                .filter(e -> !inGrids.contains(e.id().value()))
                .limit(UNPLACED).toList();
        for (EnterpriseSummary e : chosen) {
            Enterprise enterprise = ledger.get(e.id(), office.scope());
            EnterpriseDetails.Place place = enterprise.details().place();
            ledger.edit(e.id(), enterprise.version(), enterprise.details().withPlace(
                    new EnterpriseDetails.Place(place.division(), place.address(), null, null)), "演示：摸排时未采集坐标", office.scope());
        }
        log.info("演示数据 demo map: {} enterprises without a position to place on the map", chosen.size());
    }
}
