package org.qingyuan.shell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.shared.NavigationItem;

/** The side menu marks one item: the most specific one the page lies under. */
class MenuTests {

    static final NavigationItem LEDGER = new NavigationItem("台账", "企业台账", "/enterprises", 100);
    static final NavigationItem REGISTER = new NavigationItem("台账", "登记企业", "/enterprises/new", 110);
    static final NavigationItem STATISTICS = new NavigationItem("报表统计", "统计分析", "/statistics", 500);
    static final NavigationItem COVERAGE = new NavigationItem("报表统计", "巡查覆盖", "/statistics/coverage", 505);

    static ShellModel.Shell at(String path) {
        return new ShellModel.Shell("惠济区", true, null, Map.of("台账", List.of(LEDGER, REGISTER), "报表统计", List.of(STATISTICS, COVERAGE)),
                path, 0);
    }

    @Test
    void onlyTheMostSpecificItemIsActive() {
        assertThat(at("/statistics/coverage").active(COVERAGE)).isTrue();
        assertThat(at("/statistics/coverage").active(STATISTICS)).isFalse();
        assertThat(at("/statistics/enterprises").active(STATISTICS)).isTrue();
        assertThat(at("/enterprises/new").active(REGISTER)).isTrue();
        assertThat(at("/enterprises/new").active(LEDGER)).isFalse();
        assertThat(at("/enterprises/42").active(LEDGER)).isTrue();
        assertThat(at("/reports").active(LEDGER)).isFalse();
    }
}
