package org.qingyuan.lead.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.demo.DemoData;
import org.qingyuan.lead.Lead;
import org.qingyuan.lead.LeadState;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.platform.Deployment;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, once: the first two towns' queues hold leads from each source, found over the last days (a grid
 * member's patrol findings, a superior's assignment, a supervision team's finding), and one lead was dismissed with its
 * reason. Written straight to the store with the finders' names and past times, which the service rightly refuses (it
 * files as the signed-in user, now); recorded in the audit trail as demo data.
 */
@Component
@Order(55)
class DemoLeads implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLeads.class);

    private record Finding(Discovery source, String name, String address, String description, String reporter, int hoursAgo) {
    }

    private static final List<Finding> FINDINGS = List.of(
            new Finding(Discovery.PATROL, null, "村北废品收购站西侧铁皮房", "铁皮房内有两台注塑机在生产，门口堆放塑料颗粒，无任何环保设施", "网格员巡查", 20),
            new Finding(Discovery.PATROL, "鑫旺五金加工部", "村委会东 200 米临街门面", "夜间有打磨和喷漆作业，漆味较重，周边群众反映", "网格员巡查", 52),
            new Finding(Discovery.ASSIGNED, null, "高速辅道南侧空地（卫星图斑 2026-11-37）", "上级转来卫星遥感新增建筑图斑，疑似新建加工作坊，请核实", "区整治办交办", 75),
            new Finding(Discovery.SUPERVISION, "宏达板材厂", "工业路与纬三路交叉口", "督查组暗访发现：已取缔的板材厂院内有叉车作业，疑似恢复生产", "区督查组", 100));

    private final Deployment deployment;
    private final LeadStore store;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final DemoData demo;
    private final Clock clock;

    DemoLeads(Deployment deployment, LeadStore store, Divisions divisions, AuditTrail audit, JdbcClient jdbc, DemoData demo,
              Clock clock) {
        this.deployment = deployment;
        this.store = store;
        this.divisions = divisions;
        this.audit = audit;
        this.jdbc = jdbc;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // a database seeded before the data set had its name holds it already
        demo.once("leads", () -> {
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM lead)").query(Boolean.class).single()) {
                build();
            }
        });
    }

    private void build() {
        List<Division> towns = divisions.children(deployment.homeDistrict()).stream()
                .filter(d -> d.level() == DivisionLevel.TOWN).limit(2).toList();
        Instant now = clock.instant();
        int filed = 0;
        for (int t = 0; t < towns.size(); t++) {
            Division town = towns.get(t);
            List<Division> villages = divisions.children(town.code());
            for (int i = t; i < FINDINGS.size(); i += towns.size()) {
                Finding f = FINDINGS.get(i);
                DivisionCode where = villages.isEmpty() ? town.code() : villages.get(i % villages.size()).code();
                String reporter = f.source() == Discovery.PATROL
                        ? divisions.find(where).map(d -> Division.shortName(d.name())).orElse("") + f.reporter() : f.reporter();
                store.insert(new Lead(0, town.code(), where, f.source(), null, f.name(), f.address(), null, null, f.description(),
                        now.minus(Duration.ofHours(f.hoursAgo())), f.source() == Discovery.PATROL ? "grid" : "district", reporter,
                        LeadState.OPEN, null, null, null, null, 0));
                filed++;
            }
        }
        if (!towns.isEmpty()) {
            Division town = towns.get(0);
            Lead lead = store.insert(new Lead(0, town.code(), town.code(), Discovery.PATROL, null, "城郊汽修店", "环城路 88 号", null, null,
                    "门口有喷漆烟味", now.minus(Duration.ofDays(6)), "grid", "网格员巡查", LeadState.OPEN, null, null, null, null, 0)).lead();
            store.decide(lead.dismissed("现场核实：为有证汽修企业，烤漆房有废气处理设施，手续齐全，不属于“散乱污”",
                    now.minus(Duration.ofDays(5)), "town"));
            filed++;
        }
        audit.record(new AuditEvent("DEMO_LEADS_CREATED", Lead.OWNER_TYPE, null, "演示数据", Map.of("leads", filed)));
        log.info("演示数据 demo leads: {} leads filed in {} towns' queues", filed, towns.size());
    }
}
