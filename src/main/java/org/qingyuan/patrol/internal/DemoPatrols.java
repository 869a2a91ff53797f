package org.qingyuan.patrol.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.grid.Grid;
import org.qingyuan.grid.Grids;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.patrol.CheckIn;
import org.qingyuan.patrol.Finding;
import org.qingyuan.patrol.Patrol;
import org.qingyuan.patrol.PatrolKind;
import org.qingyuan.platform.Deployment;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.access.Scope;
import org.qingyuan.demo.DemoData;
import org.qingyuan.shared.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, a week of patrols, once: the demo grid member's daily rounds of his grids over the last seven days with
 * check-ins (photos with EXIF, one far from its site and flagged, one area-sweep report of a suspected site), and the
 * first town's night rota for the past week and the coming one, the past nights patrolled by their leader and crew.
 */
@Component
@Order(46)
class DemoPatrols implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPatrols.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String[] LEADERS = {"王立民", "王学静", "陆明亮", "李志强"};
    private static final String[] STAFF = {"张健", "岳桂冬", "张铸", "杨通", "胡振兴", "冯永涛"};

    private final Deployment deployment;
    private final Divisions divisions;
    private final Grids grids;
    private final EnterpriseSites sites;
    private final PatrolStore store;
    private final Dossier dossier;
    private final PatrolProperties properties;
    private final JdbcClient jdbc;
    private final DemoData demo;
    private final Clock clock;

    DemoPatrols(Deployment deployment, Divisions divisions, Grids grids, EnterpriseSites sites, PatrolStore store, Dossier dossier,
                PatrolProperties properties, JdbcClient jdbc, DemoData demo, Clock clock) {
        this.deployment = deployment;
        this.divisions = divisions;
        this.grids = grids;
        this.sites = sites;
        this.store = store;
        this.dossier = dossier;
        this.properties = properties;
        this.jdbc = jdbc;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // a database seeded before the data set had its name holds it already
        demo.once("patrols", () -> {
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM patrol WHERE started_by IN ('demo', 'grid'))").query(Boolean.class).single()) {
                build();
            }
        });
    }

    private void build() {
        List<Division> towns = divisions.children(deployment.homeDistrict());
        if (towns.isEmpty()) {
            return;
        }
        String town = towns.get(0).code().value();
        Random random = new Random(16);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        int patrols = 0;
        int checkIns = 0;
        List<Grid> mine = grids.ofMember("grid");
        for (int d = 7; d >= 1; d--) {
            LocalDate day = today.minusDays(d);
            for (Grid grid : mine) {
                List<Long> ids = grids.enterprisesIn(grid.id(), Scope.of(DivisionCode.of(grid.villageCode())));
                if (ids.isEmpty()) {
                    continue;
                }
                Instant start = day.atTime(8 + random.nextInt(2), random.nextInt(60)).atZone(CHINA).toInstant();
                Patrol p = Patrol.start(PatrolKind.DAY, grid.villageCode(), grid.id(), null, null, List.of(grid.villageName() + "网格员"),
                        "grid", start);
                long id = store.insert(p);
                patrols++;
                Map<Long, EnterpriseSites.Site> byId = sites.sites(ids);
                Instant at = start;
                int visits = Math.min(ids.size(), 3 + random.nextInt(3));
                for (int i = 0; i < visits; i++) {
                    EnterpriseSites.Site site = byId.get(ids.get(random.nextInt(ids.size())));
                    if (site == null || site.latitude() == null) {
                        continue;
                    }
                    at = at.plus(15 + random.nextInt(30), ChronoUnit.MINUTES);
                    boolean far = d == 3 && i == 0;
                    double lat = site.latitude() + (far ? 0.006 : (random.nextDouble() - 0.5) * 0.0008);
                    double lon = site.longitude() + (random.nextDouble() - 0.5) * 0.0008;
                    checkIn(id, site, at, lat, lon, Finding.NOTHING, far ? null : "大门紧闭，无生产迹象");
                    checkIns++;
                }
                if (d == 2) {
                    at = at.plus(20, ChronoUnit.MINUTES);
                    checkIn(id, null, at, site0(byId).latitude() + 0.002, site0(byId).longitude() + 0.002, Finding.NEW_SITE,
                            "村东头彩钢房内有喷漆作业，无招牌，门口堆放油漆桶");
                    checkIns++;
                }
                jdbc.sql("UPDATE patrol SET ended_at = :at, version = version + 1 WHERE id = :id")
                        .param("at", java.sql.Timestamp.from(at.plus(20, ChronoUnit.MINUTES))).param("id", id).update();
            }
        }
        // the night rota: a week back and a week ahead; the past nights patrolled
        for (int d = -7; d <= 7; d++) {
            LocalDate night = today.plusDays(d);
            int k = Math.floorMod(d, 4);
            List<String> crew = List.of(STAFF[Math.floorMod(d, STAFF.length)], STAFF[Math.floorMod(d + 3, STAFF.length)]);
            long rota = store.insertRota(town, night, LEADERS[k], crew, null, clock.instant(), "demo");
            if (d < 0) {
                Instant start = night.atTime(21, 30).atZone(CHINA).toInstant();
                List<String> people = new ArrayList<>(crew);
                Patrol p = Patrol.start(PatrolKind.NIGHT, town, null, rota, LEADERS[k], people, "demo", start);
                long id = store.insert(p);
                store.linkRota(rota, id);
                jdbc.sql("UPDATE patrol SET ended_at = :at, version = version + 1 WHERE id = :id")
                        .param("at", java.sql.Timestamp.from(start.plus(150, ChronoUnit.MINUTES))).param("id", id).update();
                patrols++;
            }
        }
        log.info("演示数据 demo patrols: {} patrols, {} check-ins", patrols, checkIns);
    }

    private static EnterpriseSites.Site site0(Map<Long, EnterpriseSites.Site> byId) {
        return byId.values().stream().filter(s -> s.latitude() != null).findFirst().orElseThrow();
    }

    private void checkIn(long patrolId, EnterpriseSites.Site site, Instant at, double lat, double lon, Finding finding, String note) {
        String division = site != null ? site.divisionCode() : jdbc.sql("SELECT division_code FROM patrol WHERE id = :id")
                .param("id", patrolId).query(String.class).single();
        Integer distance = site == null ? null : (int) Math.round(org.qingyuan.shared.Geo.metres(lat, lon, site.latitude(), site.longitude()));
        long id = store.insertCheckIn(patrolId, site == null ? null : site.id(), division, at, lat, lon, 12.0, distance, finding, note,
                "grid");
        List<String> flags = new ArrayList<>();
        if (distance != null && distance > properties.maxCheckInDistanceM()) {
            flags.add("打卡位置距企业 " + distance + " 米（超过 " + properties.maxCheckInDistanceM() + " 米）");
        }
        Attachment photo = dossier.attach(new EvidenceOwner(CheckIn.OWNER_TYPE, id), DivisionCode.of(division),
                finding == Finding.NOTHING ? EvidenceCategory.INSPECTION_RECORD : EvidenceCategory.BEFORE, "巡查" + id + ".jpg",
                "巡查打卡 #" + id, new ByteArrayInputStream(DemoPhotos.sitePhoto(finding == Finding.NOTHING, id, "巡查",
                        at.minusSeconds(30), lat, lon)));
        store.saveOutcome(id, List.of(photo.id()), flags, null, List.of(), false);
    }
}
