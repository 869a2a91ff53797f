package org.qingyuan.platform.internal;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Puts the connection pool — the embedded database's or an external one's — behind a {@link PatientDataSource}: under
 * overload a request waits for a busy pool's connection for up to {@code qingyuan.database.busy-wait} (default 30 s;
 * 0 turns it off) instead of failing after the pool's own short wait, which stays the time to notice an outage.
 */
@Configuration(proxyBeanMethods = false)
class PatientPoolConfiguration {

    @Bean
    static BeanPostProcessor patientPool(Environment environment) {
        Duration wait = environment.getProperty("qingyuan.database.busy-wait", Duration.class, Duration.ofSeconds(30));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && !wait.isZero() && !wait.isNegative()) {
                    return new PatientDataSource(pool, wait);
                }
                return bean;
            }
        };
    }
}
