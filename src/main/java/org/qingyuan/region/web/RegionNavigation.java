package org.qingyuan.region.web;

import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The region module's entries in the side menu. */
@Configuration(proxyBeanMethods = false)
class RegionNavigation {

    @Bean
    NavigationItem divisionTreeNavigation() {
        return new NavigationItem("基础数据", "行政区划", "/regions", 900);
    }
}
