package org.qingyuan.grid.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.demo.DemoData;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.platform.Deployment;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, the grids of the first town's villages, once: the demo grid member's village gets two grids, 第一网格
 * with a boundary around the western half of its enterprises (placed by their coordinates) and 第二网格 without one (the
 * rest placed by hand), both patrolled by the demo account {@code grid}; every other village of the town one grid
 * without a boundary holding its enterprises.
 */
@Component
@Order(42)
class DemoGrids implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGrids.class);

    private final Deployment deployment;
    private final Divisions divisions;
    private final GridService grids;
    private final GridStore store;
    private final Ledger ledger;
    private final EnterpriseSites sites;
    private final JdbcClient jdbc;
    private final DemoData demo;

    DemoGrids(Deployment deployment, Divisions divisions, GridService grids, GridStore store, Ledger ledger, EnterpriseSites sites,
              JdbcClient jdbc, DemoData demo) {
        this.deployment = deployment;
        this.divisions = divisions;
        this.grids = grids;
        this.store = store;
        this.ledger = ledger;
        this.sites = sites;
        this.jdbc = jdbc;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        // a database seeded before the data set had its name holds it already
        demo.once("grids", () -> {
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM grid WHERE created_by = 'demo')").query(Boolean.class).single()) {
                build();
            }
        });
    }

    private void build() {
        List<Division> towns = divisions.children(deployment.homeDistrict());
        if (towns.isEmpty()) {
            return;
        }
        CurrentUser demo = new CurrentUser(0, "demo", "演示数据", "DISTRICT_OFFICE", "区办", deployment.homeDistrict(), null);
        List<Division> villages = divisions.children(towns.get(0).code());
        int count = 0;
        for (int i = 0; i < villages.size(); i++) {
            String village = villages.get(i).code().value();
            List<EnterpriseSites.Site> here = enterprises(village);
            if (i == 0) {
                List<String> members = grids.candidateMembers(village).stream().filter("grid"::equals).toList();
                List<EnterpriseSites.Site> located = here.stream().filter(s -> s.longitude() != null && s.latitude() != null).toList();
                String boundary = null;
                if (located.size() >= 2) {
                    double[] lons = located.stream().mapToDouble(EnterpriseSites.Site::longitude).sorted().toArray();
                    double mid = (lons[lons.length / 2 - 1] + lons[lons.length / 2]) / 2;
                    double minLat = located.stream().mapToDouble(EnterpriseSites.Site::latitude).min().orElseThrow() - 0.001;
                    double maxLat = located.stream().mapToDouble(EnterpriseSites.Site::latitude).max().orElseThrow() + 0.001;
                    double west = lons[0] - 0.001;
                    boundary = String.format("{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}",
                            west, minLat, mid, minLat, mid, maxLat, west, maxLat, west, minLat);
                }
                grids.create(demo, new GridService.GridInput(village, "第一网格", boundary, members));
                var second = grids.create(demo, new GridService.GridInput(village, "第二网格", null, members));
                here.stream().filter(s -> grids.ofEnterprise(s.id()).isEmpty())
                        .forEach(s -> grids.assignByHand(demo, second.id(), s.id(), 0));
                count += 2;
            } else {
                var grid = grids.create(demo, new GridService.GridInput(village, "第一网格", null, List.of()));
                here.forEach(s -> grids.assignByHand(demo, grid.id(), s.id(), grids.ofEnterprise(s.id()).map(a -> a.version()).orElse(0)));
                count++;
            }
        }
        jdbc.sql("UPDATE grid SET created_by = 'demo' WHERE village_code LIKE :town || '%'").param("town", towns.get(0).code().value())
                .update();
        log.info("演示数据 demo grids: {} grids in {}", count, towns.get(0).name());
    }

    private List<EnterpriseSites.Site> enterprises(String village) {
        List<Long> ids = new ArrayList<>();
        Scope scope = Scope.of(DivisionCode.of(village));
        for (int p = 0; ; p++) {
            var page = ledger.search(new EnterpriseQuery(DivisionCode.of(village), null, null, null, null, null, null, null, null,
                    null, null, null, false, false, EnterpriseQuery.Sort.REPORTED_ON, true, p, EnterpriseQuery.MAX_SIZE), scope);
            page.items().forEach(e -> ids.add(e.id().value()));
            if (p + 1 >= page.totalPages()) {
                break;
            }
        }
        Map<Long, EnterpriseSites.Site> byId = sites.sites(ids);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
