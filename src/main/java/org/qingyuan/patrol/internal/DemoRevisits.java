package org.qingyuan.patrol.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.demo.DemoData;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.grid.Grid;
import org.qingyuan.grid.Grids;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.patrol.Finding;
import org.qingyuan.patrol.Patrol;
import org.qingyuan.patrol.PatrolKind;
import org.qingyuan.platform.Deployment;
import org.qingyuan.rectification.CaseLists;
import org.qingyuan.rectification.CaseQuery;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseSummary;
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
 * In demo mode, once, after the demo cases, grids and patrols: every closed-out case has its revisits (回头看), the
 * town added one in the demo grid member's grid due in two days (so his 今日巡查 starts with it), and last night's
 * patrol of the first town found a closed-out site producing again — a rebound, through the real check-in: the case
 * reopened, the town, the police and the district office alerted, the scene held until enforcement arrives.
 */
@Component
@Order(57)
class DemoRevisits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRevisits.class);

    private final Deployment deployment;
    private final RevisitSweep sweep;
    private final Revisits revisits;
    private final PatrolService patrols;
    private final Grids grids;
    private final CaseLists cases;
    private final EnterpriseSites sites;
    private final Divisions divisions;
    private final JdbcClient jdbc;
    private final DemoData demo;

    DemoRevisits(Deployment deployment, RevisitSweep sweep, Revisits revisits, PatrolService patrols, Grids grids, CaseLists cases,
                 EnterpriseSites sites, Divisions divisions, JdbcClient jdbc, DemoData demo) {
        this.deployment = deployment;
        this.sweep = sweep;
        this.revisits = revisits;
        this.patrols = patrols;
        this.grids = grids;
        this.cases = cases;
        this.sites = sites;
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        // a database seeded before the data set had its name holds it already
        demo.once("revisits", () -> {
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM revisit)").query(Boolean.class).single()) {
                build();
            }
        });
    }

    private void build() {
        LocalDate today = revisits.today();
        RevisitSweep.Result scheduled = sweep.sweep(today);
        List<Division> towns = divisions.children(deployment.homeDistrict());
        if (towns.isEmpty()) {
            return;
        }
        String town = towns.get(0).code().value();
        CurrentUser officer = new CurrentUser(0, "town", towns.get(0).name() + "演示账号", "TOWN_OFFICER", "镇街", DivisionCode.of(town), null);
        Scope townScope = officer.scope();
        List<CaseSummary> closed = cases.search(new CaseQuery(town, null, CaseState.CLOSED_OUT, null, null, null, 0, 200), townScope).items();
        List<Long> gridSites = grids.ofMember("grid").stream()
                .flatMap((Grid g) -> grids.enterprisesIn(g.id(), Scope.of(DivisionCode.of(g.villageCode()))).stream()).toList();
        Optional<CaseSummary> inGrid = closed.stream().filter(c -> gridSites.contains(c.enterpriseId())).findFirst();
        inGrid.ifPresent(c -> revisits.add(officer, c.enterpriseId(), today.plusDays(2), "群众反映夜间有动静，提前回访"));
        // the rebound: in the first town when it has a closed-out site with coordinates outside the grid member's grids, else in another
        Scope district = Scope.of(deployment.homeDistrict());
        List<CaseSummary> candidates = new java.util.ArrayList<>(closed);
        candidates.addAll(cases.search(new CaseQuery(null, null, CaseState.CLOSED_OUT, null, null, null, 0, 200), district).items());
        Optional<CaseSummary> elsewhere = candidates.stream().filter(c -> !gridSites.contains(c.enterpriseId()))
                .filter(c -> sites.sites(List.of(c.enterpriseId())).values().stream().anyMatch(s -> s.latitude() != null)).findFirst();
        elsewhere.ifPresent(c -> {
            String itsTown = c.divisionCode().substring(0, 9);
            rebound(new CurrentUser(0, "town", divisions.find(DivisionCode.of(itsTown)).map(Division::name).orElse(itsTown) + "演示账号",
                    "TOWN_OFFICER", "镇街", DivisionCode.of(itsTown), null), c);
        });
        log.info("演示数据 demo revisits: {} scheduled, {} in the grid member's list, {} rebound", scheduled.scheduled(),
                inGrid.isPresent() ? 1 : 0, elsewhere.isPresent() ? 1 : 0);
    }

    private void rebound(CurrentUser officer, CaseSummary c) {
        EnterpriseSites.Site site = sites.sites(List.of(c.enterpriseId())).get(c.enterpriseId());
        Patrol night = patrols.start(officer, new PatrolService.StartCommand(PatrolKind.NIGHT, null, officer.division().value(), null,
                "镇带班领导", List.of("镇带班领导", "综治办值班员", "环保所值班员")));
        byte[] photo = DemoPhotos.sitePhoto(false, c.enterpriseId(), "rebound", Instant.now().minusSeconds(120), site.latitude(),
                site.longitude());
        patrols.checkIn(officer, night.id(), new PatrolService.CheckInCommand(c.enterpriseId(), site.latitude() + 0.0002, site.longitude(),
                15.0, Finding.REBOUND, "夜查发现已取缔的作坊恢复生产：院内机器运转，门口有新运进的原料",
                List.of(new PatrolService.Photo("夜查现场.jpg", photo))));
        patrols.end(officer, night.id(), patrols.get(night.id(), officer).version());
    }
}
