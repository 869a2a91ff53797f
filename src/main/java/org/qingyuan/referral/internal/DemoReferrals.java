package org.qingyuan.referral.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Departments;
import org.qingyuan.demo.DemoData;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.platform.Deployment;
import org.qingyuan.referral.Referral;
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
 * In demo mode, once, after the demo cases: a referral waiting in every department's queue (the environment one
 * overdue and escalated by the sweep, the police one a suspected crime), one accepted and one answered by the
 * environment department waiting for the district office's confirmation, and today's joint operation led by the
 * environment department with the police, the power supply and market regulation at three enterprises of the first
 * town, the environment department's part at the first recorded.
 */
@Component
@Order(75)
class DemoReferrals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReferrals.class);
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final Deployment deployment;
    private final DemoData demo;
    private final Divisions divisions;
    private final EnterpriseSites sites;
    private final Departments departments;
    private final ReferralService referrals;
    private final OperationService operations;

    DemoReferrals(Deployment deployment, DemoData demo, Divisions divisions, EnterpriseSites sites, Departments departments,
                  ReferralService referrals, OperationService operations) {
        this.deployment = deployment;
        this.demo = demo;
        this.divisions = divisions;
        this.sites = sites;
        this.departments = departments;
        this.referrals = referrals;
        this.operations = operations;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("referrals", this::build);
    }

    private void build() {
        DivisionCode district = deployment.homeDistrict();
        List<Division> towns = divisions.children(district);
        if (towns.isEmpty()) {
            log.warn("演示数据: no town in {}, no referrals", district);
            return;
        }
        DivisionCode townCode = towns.get(0).code();
        CurrentUser office = new CurrentUser(0, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", district, null);
        CurrentUser town = new CurrentUser(0, "town", "镇街演示账号", "TOWN_OFFICER", "镇街", townCode, null);
        CurrentUser env = new CurrentUser(0, "env-dept", "生态环境部门演示账号", "DEPARTMENT_OFFICER", "职能部门", district, "ENVIRONMENT");
        List<Long> enterprises = new ArrayList<>(sites.activeDivisions(townCode).keySet());
        enterprises.sort(Long::compare);
        Long first = enterprises.isEmpty() ? null : enterprises.get(0);
        LocalDate today = referrals.today();

        // every department has one waiting; the environment one was sent twenty days ago and is overdue
        for (Departments.Department d : departments.all()) {
            boolean environment = d.code().equals("ENVIRONMENT");
            boolean police = d.code().equals("PUBLIC_SECURITY");
            String problem = police ? "现场发现非法倾倒、处置危险废物，涉嫌污染环境罪，请依法立案侦查"
                    : environment ? "未办理环评手续，无污染防治设施，喷漆废气直排" : "巡查发现属于" + d.name() + "职责的问题，请依法处理";
            String basis = police ? "《中华人民共和国刑法》第三百三十八条" : environment ? "《中华人民共和国环境影响评价法》第三十一条" : null;
            referrals.create(town, new ReferralService.NewReferral(first, d.code(), problem, basis, "NORMAL", List.of()),
                    environment ? today.minusDays(20) : today);
        }
        // the environment department: one accepted, one answered waiting for confirmation
        Referral accepted = referrals.create(office, new ReferralService.NewReferral(enterprises.size() > 1 ? enterprises.get(1) : null,
                "ENVIRONMENT", "群众举报夜间异味扰民，疑似露天焚烧", null, "NORMAL", List.of()), today.minusDays(2)).referral();
        referrals.accept(env, accepted.id(), accepted.version());
        Referral answered = referrals.create(office, new ReferralService.NewReferral(enterprises.size() > 2 ? enterprises.get(2) : null,
                "ENVIRONMENT", "排污许可证过期仍在生产", "《排污许可管理条例》第三十三条", "NORMAL", List.of()), today.minusDays(6)).referral();
        answered = referrals.accept(env, answered.id(), answered.version()).referral();
        referrals.answer(env, answered.id(), answered.version(), "已现场检查，责令停产整治，立案处罚",
                List.of(new ReferralService.Upload("责令改正违法行为决定书.pdf", PDF)));

        // today's joint operation
        if (enterprises.size() >= 3) {
            var view = operations.create(office, new OperationService.NewOperation(today, "城乡结合部“散乱污”联合执法行动", "ENVIRONMENT",
                    List.of("PUBLIC_SECURITY", "POWER_SUPPLY", "MARKET_REGULATION"), enterprises.subList(0, 3)));
            operations.recordPart(env, view.operation().id(), view.operation().version(), enterprises.get(0), "现场检查，制作检查笔录，查封喷漆设备",
                    "设备已查封，责令停产", new ReferralService.Upload("查封决定书.pdf", PDF));
        }
        log.info("演示数据: referrals for {} departments and a joint operation in {}", departments.all().size(), townCode.value());
    }

}
