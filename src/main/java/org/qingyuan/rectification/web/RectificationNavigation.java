package org.qingyuan.rectification.web;

import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rectification module's entries in the side menu. */
@Configuration(proxyBeanMethods = false)
class RectificationNavigation {

    @Bean
    NavigationItem boardNavigation() {
        return new NavigationItem("整治销号", "挂图作战", "/board", 400);
    }

    @Bean
    NavigationItem casesNavigation() {
        return new NavigationItem("整治销号", "整治任务", "/cases", 410);
    }
}
