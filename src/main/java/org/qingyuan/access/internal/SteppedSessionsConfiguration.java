package org.qingyuan.access.internal;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Puts the JDBC session store behind {@link SteppedSessions}: a session's last access is written at most once per
 * {@code qingyuan.access.session-access-step} (default 1 minute; 0 writes it on every request, as the store alone does).
 */
@Configuration(proxyBeanMethods = false)
class SteppedSessionsConfiguration {

    @Bean
    static BeanPostProcessor steppedSessions(Environment environment) {
        Duration step = environment.getProperty("qingyuan.access.session-access-step", Duration.class, Duration.ofMinutes(1));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcIndexedSessionRepository store && !step.isZero() && !step.isNegative()) {
                    return new SteppedSessions(store, step);
                }
                return bean;
            }
        };
    }
}
