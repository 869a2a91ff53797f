package org.qingyuan.shell.web;

import org.qingyuan.audit.AuditRecording;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link RequestLimitsFilter}, {@link RelativeRedirectsFilter}, {@link DirectErrorPathFilter} and
 * {@link DatabaseUnavailableFilter} right after the character-encoding
 * filter, ahead of sessions and security, and {@link AnsweredMarkFilter} just inside the session filter.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter(WebLimits limits, AuditRecording audit) {
        FilterRegistrationBean<RequestLimitsFilter> registration = new FilterRegistrationBean<>(new RequestLimitsFilter(limits, audit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<DirectErrorPathFilter> directErrorPathFilter() {
        FilterRegistrationBean<DirectErrorPathFilter> registration = new FilterRegistrationBean<>(new DirectErrorPathFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return registration;
    }

    /** Outside the session filter (order {@code Integer.MIN_VALUE + 50}), the first that needs the database. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 13);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RelativeRedirectsFilter> relativeRedirectsFilter() {
        FilterRegistrationBean<RelativeRedirectsFilter> registration = new FilterRegistrationBean<>(new RelativeRedirectsFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /** Just inside the session filter (order {@code Integer.MIN_VALUE + 50}), so that it sees the handling end before the session is saved. */
    @Bean
    FilterRegistrationBean<AnsweredMarkFilter> answeredMarkFilter() {
        FilterRegistrationBean<AnsweredMarkFilter> registration = new FilterRegistrationBean<>(new AnsweredMarkFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 51);
        return registration;
    }
}
