package org.qingyuan.organisation.internal;

import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.demo.DemoData;
import org.qingyuan.organisation.internal.Organisation.LiaisonInput;
import org.qingyuan.organisation.internal.Organisation.MemberInput;
import org.qingyuan.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, once, before the demo reports (which print the liaison on their forms): the district's leading group,
 * its office, and a liaison for the district office, every town but the first (the demo town account's: its officer
 * names his own) and the last (so the office sees units without one), and the first two departments. Through the service, so every entry is versioned and audited like a user's.
 */
@Component
@Order(48)
class DemoOrganisation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "丽娟", "海涛", "红梅", "振华", "晓燕", "国庆", "春雷", "玉兰", "永刚"};

    private final Deployment deployment;
    private final Organisation organisation;
    private final JdbcClient jdbc;
    private final DemoData demo;

    DemoOrganisation(Deployment deployment, Organisation organisation, JdbcClient jdbc, DemoData demo) {
        this.deployment = deployment;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        // a database seeded before the data set had its name holds it already
        demo.once("organisation", () -> {
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM liaison) OR EXISTS (SELECT 1 FROM leading_group_member)").query(Boolean.class).single()) {
                build();
            }
        });
    }

    private void build() {
        CurrentUser office = new CurrentUser(0, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", deployment.homeDistrict(), null);
        String district = office.division().value();
        organisation.addMember(office, new MemberInput(LeadingGroupMember.Role.LEADER, name(0), "区人民政府", "区长"));
        organisation.addMember(office, new MemberInput(LeadingGroupMember.Role.DEPUTY, name(1), "区人民政府", "副区长"));
        organisation.addMember(office, new MemberInput(LeadingGroupMember.Role.DEPUTY, name(2), "区环保局", "局长"));
        List<String> members = List.of("区发改委", "区工信委", "区公安分局", "区市场监管局", "区国土分局", "区供电公司");
        for (int i = 0; i < members.size(); i++) {
            organisation.addMember(office, new MemberInput(LeadingGroupMember.Role.MEMBER, name(3 + i), members.get(i), "副职"));
        }
        organisation.saveOffice(office, organisation.office(office).version(), "区环保局三楼 302 室", name(9), "13903710000");
        int n = 0;
        List<ReportingUnit> units = organisation.units(office);
        long towns = units.stream().filter(u -> u.kind() == ReportingUnit.Kind.TOWN).count();
        int town = 0;
        int departments = 0;
        for (ReportingUnit unit : units) {
            boolean named = switch (unit.kind()) {
                case DISTRICT -> true;
                case TOWN -> ++town > 1 && town < towns;
                case DEPARTMENT -> ++departments <= 2;
            };
            if (!named) {
                continue;
            }
            String section = switch (unit.kind()) {
                case DISTRICT -> "领导小组办公室";
                case TOWN -> "环保所";
                case DEPARTMENT -> "综合科";
            };
            organisation.saveLiaison(office, unit.key(), 0,
                    new LiaisonInput(section, name(10 + n), n % 3 == 0 && unit.kind() == ReportingUnit.Kind.TOWN ? "副所长" : "科员", "139" + district.substring(2, 6) + String.format("%04d", n)));
            n++;
        }
        log.info("演示数据 demo organisation: leading group of {}, office, {} liaisons", 3 + members.size(), n);
    }

    private static String name(int i) {
        return SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 5) % GIVEN.length];
    }
}
