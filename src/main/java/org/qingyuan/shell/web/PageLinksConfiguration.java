package org.qingyuan.shell.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Keeps Spring's {@link ResourceUrlEncodingFilter} off (issue 22 §1). With webjars-locator on the class path Spring
 * Boot registers it, and it sends every link a page writes ({@code @{/cases/42}}, each row of a list) through the
 * static resource resolvers, which look the path up in every jar of the class path and find nothing: 60–100 ms of
 * the battle board's 170 ms at province scale went there. Pages link to webjars without a version
 * ({@code /webjars/bootstrap/css/bootstrap.min.css}); the webjars handler resolves the version when the file is asked
 * for, so nothing needs rewriting. Registering this disabled filter stops Boot from registering its own.
 */
@Configuration(proxyBeanMethods = false)
class PageLinksConfiguration {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
