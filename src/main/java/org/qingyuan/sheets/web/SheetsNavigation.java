package org.qingyuan.sheets.web;

import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sheets module's entries in the side menu. */
@Configuration(proxyBeanMethods = false)
class SheetsNavigation {

    @Bean
    NavigationItem importNavigation() {
        return new NavigationItem("台账", "Excel 导入", "/imports", 200);
    }

    @Bean
    NavigationItem supervisionLedgerImportNavigation() {
        return new NavigationItem("督查考核", "导入督查跟踪台账", "/imports/supervision-ledger", 615);
    }

    @Bean
    NavigationItem exportNavigation() {
        return new NavigationItem("台账", "报表导出", "/exports", 210);
    }
}
