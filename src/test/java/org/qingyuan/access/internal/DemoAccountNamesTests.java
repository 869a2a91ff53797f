package org.qingyuan.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoAccountNamesTests {

    @Test
    void demoAccountsNameTheirVillageAsPeopleSayIt() {
        assertThat(DemoAccounts.shortName("金河社区居民委员会")).isEqualTo("金河社区");
        assertThat(DemoAccounts.shortName("北山社区居委会")).isEqualTo("北山社区");
        assertThat(DemoAccounts.shortName("克拉玛依东路社区居委")).isEqualTo("克拉玛依东路社区");
        assertThat(DemoAccounts.shortName("大田村民委员会")).isEqualTo("大田村");
        assertThat(DemoAccounts.shortName("大田村委会")).isEqualTo("大田村");
        assertThat(DemoAccounts.shortName("德裕")).isEqualTo("德裕");
    }
}
