package org.qingyuan.policy.web;

import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy module's entries in the side menu. */
@Configuration(proxyBeanMethods = false)
class PolicyNavigation {

    @Bean
    NavigationItem policiesNavigation() {
        return new NavigationItem("分类处置", "实施方案", "/policies", 300);
    }

    @Bean
    NavigationItem calendarNavigation() {
        return new NavigationItem("基础数据", "工作日历", "/calendar", 910);
    }
}
