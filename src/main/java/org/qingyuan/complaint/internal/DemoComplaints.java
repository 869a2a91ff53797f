package org.qingyuan.complaint.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.complaint.Channel;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.Reporter;
import org.qingyuan.complaint.ServiceKind;
import org.qingyuan.demo.DemoData;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.platform.Deployment;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.Cases;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, once, after the other modules' demo data: complaints of the first town in every state — received (web,
 * 12369), triaged, assigned, verified, founded (as a lead; at a ledger enterprise), unfounded, replied with a reward
 * decided and paid, rated — and a published typical case.
 */
@Component
@Order(80)
class DemoComplaints implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoComplaints.class);

    private final Deployment deployment;
    private final DemoData demo;
    private final Divisions divisions;
    private final EnterpriseSites sites;
    private final ComplaintIntake intake;
    private final ComplaintHandling handling;
    private final PublicTracking tracking;
    private final Rewards rewards;
    private final PublicResults results;
    private final Cases cases;
    private final Clock clock;

    DemoComplaints(Deployment deployment, DemoData demo, Divisions divisions, EnterpriseSites sites, ComplaintIntake intake,
                   ComplaintHandling handling, PublicTracking tracking, Rewards rewards, PublicResults results, Cases cases, Clock clock) {
        this.deployment = deployment;
        this.demo = demo;
        this.divisions = divisions;
        this.sites = sites;
        this.intake = intake;
        this.handling = handling;
        this.tracking = tracking;
        this.rewards = rewards;
        this.results = results;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("complaints", this::build);
    }

    private void build() {
        DivisionCode district = deployment.homeDistrict();
        List<Division> towns = divisions.children(district);
        if (towns.isEmpty()) {
            log.warn("演示数据: no town in {}, no complaints", district);
            return;
        }
        Division town = towns.get(0);
        List<Division> villages = divisions.children(town.code());
        String place = villages.isEmpty() ? town.code().value() : villages.get(0).code().value();
        String villageName = villages.isEmpty() ? town.name() : villages.get(0).name();
        CurrentUser office = new CurrentUser(0, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", district, null);
        CurrentUser officer = new CurrentUser(0, "town", town.name() + "演示账号", "TOWN_OFFICER", "镇街", town.code(), null);

        received(Channel.WEB, null, "村东头院子里每天晚上喷漆，味道很大，没有任何环保设施", villageName + "东头", "13812345678", "王先生");
        received(Channel.IMPORT_12369, "12369-" + clock.instant().getEpochSecond() % 100000, "废品站旁边有人熔铝，冒黑烟",
                villageName + "废品站旁", "13900001111", null);
        Complaint triaged = received(Channel.HOTLINE, null, "河边新搭的彩钢棚里有塑料颗粒加工，污水直排", villageName + "河边", "13700002222", "李女士");
        handling.triage(triaged.id(), triaged.version(), place, "请属地镇街核查", office);

        assigned("关停的小作坊晚上又开工了", place, office);
        Complaint verified = verified(assigned("砖窑厂附近有人非法炼油", place, office), officer, 1);

        Complaint asLead = verified(assigned("路口小树林里新开了一家电镀作坊", place, office), officer, 2);
        handling.found(asLead.id(), asLead.version(), null, "现场确有电镀作坊，未登记", officer);

        // an enterprise whose case is not closed out: the demo reopens no other module's demo case
        List<Long> enterprises = new ArrayList<>(sites.activeDivisions(town.code()).keySet());
        enterprises.sort(Long::compare);
        enterprises.removeIf(e -> cases.ofEnterprise(e, office.scope()).filter(c -> c.state() == CaseState.CLOSED_OUT).isPresent());
        if (!enterprises.isEmpty()) {
            Complaint atLedger = verified(assigned("某加工厂仍在排放刺鼻废气", place, office), officer, 3);
            Complaint founded = handling.found(atLedger.id(), atLedger.version(), enterprises.get(0), "台账在册企业，纳入整治", officer);
            Complaint replied = handling.reply(founded.id(), founded.version(),
                    "经核查，您反映的情况属实，已责令停产整治并纳入台账跟踪。感谢您的监督。", officer);
            rewards.decide(replied.id(), new BigDecimal("500.00"), "区环保局有奖举报奖励决定（演示）", office);
            var reward = rewards.of(replied.id()).orElseThrow();
            rewards.pay(replied.id(), reward.version(), office);
        }
        Complaint unfounded = verified(assigned("有工厂偷排污水", place, office), officer, 4);
        handling.unfound(unfounded.id(), unfounded.version(), "现场为已办理环评手续的正规企业，污水经处理后纳管排放", officer);

        Complaint rated = verified(assigned("村西有人露天焚烧电线", place, office), officer, 5);
        rated = handling.unfound(rated.id(), rated.version(), "现场未发现焚烧痕迹，已安排网格员夜间巡查", officer);
        rated = handling.reply(rated.id(), rated.version(), "经现场核查未发现焚烧痕迹，已安排夜间巡查，如再发现请随时反映。", officer);
        tracking.rate(rated.trackingCode(), 4, "回复及时");

        results.publish("群众举报“死灰复燃”小作坊被依法查处",
                "群众通过举报平台反映，已关停的小塑料加工作坊夜间恢复生产。镇街接报后当晚核查，现场查实，依法断电并拆除设备，重新纳入整治台账。",
                office);
        log.info("演示数据: complaints in every state in {}", town.name());
    }

    private Complaint received(Channel channel, String ref, String what, String where, String phone, String name) {
        return intake.receive(new Intake(channel, ref, ServiceKind.SLW, what, where, null, null, new Reporter(name, phone, null), List.of(),
                clock.instant().minus(Duration.ofHours(3)), null, null));
    }

    private Complaint assigned(String what, String place, CurrentUser office) {
        Complaint c = received(Channel.WEB, null, what, "演示地址", "13600003333", null);
        c = handling.triage(c.id(), c.version(), place, null, office);
        return handling.assign(c.id(), c.version(), office);
    }

    private Complaint verified(Complaint c, CurrentUser officer, long seed) {
        var photo = DemoPhotos.sitePhoto(true, 900 + seed, "complaint", clock.instant(), 34.85, 113.62);
        return handling.verify(c.id(), c.version(), 113.62, 34.85, "现场核查", List.of(new Intake.Photo("现场" + seed + ".jpg", photo)),
                officer);
    }
}
