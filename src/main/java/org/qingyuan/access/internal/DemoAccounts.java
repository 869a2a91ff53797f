package org.qingyuan.access.internal;

import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.RoleCode;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, one account per role exists in the home district (created once, never
 * overwritten), and the list is printed at start. The town is the district's first town by
 * code, the village that town's first village.
 */
@Component
@Order(10)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Qingyuan@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** One demo account. */
    record Demo(String username, String displayName, RoleCode role, DivisionCode division, String department) {
    }

    private final Deployment deployment;
    private final Divisions divisions;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    DemoAccounts(Deployment deployment, Divisions divisions, JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.deployment = deployment;
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    List<Demo> accounts() {
        DivisionCode district = deployment.homeDistrict();
        List<Demo> demos = new ArrayList<>();
        demos.add(new Demo("district", "区办演示账号", RoleCode.DISTRICT_OFFICE, district, null));
        List<Division> towns = divisions.children(district);
        if (!towns.isEmpty()) {
            Division town = towns.get(0);
            demos.add(new Demo("town", town.name() + "演示账号", RoleCode.TOWN_OFFICER, town.code(), null));
            List<Division> villages = divisions.children(town.code());
            if (!villages.isEmpty()) {
                Division village = villages.get(0);
                String shortName = shortName(village.name());
                demos.add(new Demo("village", shortName + "演示账号", RoleCode.VILLAGE_OFFICER, village.code(), null));
                demos.add(new Demo("grid", shortName + "网格员", RoleCode.GRID_MEMBER, village.code(), null));
            }
        }
        demos.add(new Demo("env-dept", "生态环境部门演示账号", RoleCode.DEPARTMENT_OFFICER, district, "ENVIRONMENT"));
        // the police contact a rebound alerts at once (002 五2: 立即联系派出所人员)
        demos.add(new Demo("police", "公安部门演示账号", RoleCode.DEPARTMENT_OFFICER, district, "PUBLIC_SECURITY"));
        // the utilities and market regulation act on the district's orders (003 四(三)(五)(七)(十四))
        demos.add(new Demo("power", "供电公司演示账号", RoleCode.DEPARTMENT_OFFICER, district, "POWER_SUPPLY"));
        demos.add(new Demo("water", "供水公司演示账号", RoleCode.DEPARTMENT_OFFICER, district, "WATER_SUPPLY"));
        demos.add(new Demo("market", "市场监管部门演示账号", RoleCode.DEPARTMENT_OFFICER, district, "MARKET_REGULATION"));
        demos.add(new Demo("supervisor", "督查组演示账号", RoleCode.SUPERVISOR, district, null));
        demos.add(new Demo("leader", "领导演示账号", RoleCode.LEADER, district, null));
        demos.add(new Demo("sysadmin", "系统管理员", RoleCode.SYSTEM_ADMIN, district, null));
        demos.add(new Demo("secadmin", "安全管理员", RoleCode.SECURITY_ADMIN, district, null));
        demos.add(new Demo("auditor", "审计员", RoleCode.AUDITOR, district, null));
        return demos;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!deployment.demo()) {
            return;
        }
        StringBuilder table = new StringBuilder();
        int created = 0;
        for (Demo demo : accounts()) {
            created += create(demo);
            table.append(String.format("    %-11s %-19s %s%n", demo.username(), demo.role(), demo.division()));
        }
        log.info("""

                ==== 清源 演示模式 demo mode, home district {} ====
                  演示账号 demo accounts, password {} ({} created now):
                {}=====================================================""",
                deployment.homeDistrict(), PASSWORD, created, table);
    }

    private int create(Demo demo) {
        return jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role_code, division_code, department_code)
                        VALUES (:username, :displayName, :hash, :role, :division, :department)
                        ON CONFLICT (username) DO NOTHING
                        """)
                .param("username", demo.username()).param("displayName", demo.displayName())
                .param("hash", passwordEncoder.encode(PASSWORD)).param("role", demo.role().name())
                .param("division", demo.division().value()).param("department", demo.department())
                .update();
    }

    /** A committee's name as people say it: 北山社区居委会 → 北山社区, 大田村民委员会 → 大田村. */
    static String shortName(String committee) {
        return committee.replaceFirst("(村民委员会|村委会|村委)$", "村").replaceFirst("村村$", "村")
                .replaceFirst("(居民委员会|居委会|居委|委员会)$", "");
    }
}
