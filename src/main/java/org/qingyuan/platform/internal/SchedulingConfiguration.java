package org.qingyuan.platform.internal;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run on one node at a time, locked in the database with its clock. The lock is held at least a
 * minute after a job ends: ShedLock alone only keeps runs from overlapping, so a daily sweep that finished in 50 ms
 * on one node would run again on a node whose clock (and cron trigger) is 100 ms behind. Tests that run a sweep
 * several times with a moved clock set {@code qingyuan.scheduling.lock-at-least-for=PT0S}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M", defaultLockAtLeastFor = "${qingyuan.scheduling.lock-at-least-for:PT1M}")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
