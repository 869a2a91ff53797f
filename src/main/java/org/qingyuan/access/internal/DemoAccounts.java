package org.qingyuan.access.internal;

import org.qingyuan.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** In demo mode, the demo accounts exist (created once, never overwritten) and are printed at start. */
@Component
@Order(10)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Qingyuan@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Deployment deployment;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    DemoAccounts(Deployment deployment, JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.deployment = deployment;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!deployment.demo()) {
            return;
        }
        String district = deployment.homeDistrict().value();
        int created = create("district", "区办演示账号", "DISTRICT_OFFICE", district);
        log.info("""

                ==== 清源 演示模式 demo mode (home district {}) ====
                  演示账号 demo accounts, password {}:
                    district  区办
                  {} account(s) created now
                ===================================================""", district, PASSWORD, created);
    }

    private int create(String username, String displayName, String role, String division) {
        return jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role_code, division_code)
                        VALUES (:username, :displayName, :hash, :role, :division)
                        ON CONFLICT (username) DO NOTHING
                        """)
                .param("username", username).param("displayName", displayName)
                .param("hash", passwordEncoder.encode(PASSWORD)).param("role", role).param("division", division)
                .update();
    }
}
