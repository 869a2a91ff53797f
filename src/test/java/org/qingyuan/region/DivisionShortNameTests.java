package org.qingyuan.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a village's committee is named on lists and labels: 金河社区居民委员会 → 金河社区, 东赵村村委会 → 东赵村. */
class DivisionShortNameTests {

    @Test
    void committeesLoseTheirCommitteeAndVillagesKeepOneCun() {
        assertThat(Division.shortName("金河社区居民委员会")).isEqualTo("金河社区");
        assertThat(Division.shortName("北山社区居委会")).isEqualTo("北山社区");
        assertThat(Division.shortName("克拉玛依东路社区居委")).isEqualTo("克拉玛依东路社区");
        assertThat(Division.shortName("东赵村民委员会")).isEqualTo("东赵村");
        assertThat(Division.shortName("毛庄村村委会")).isEqualTo("毛庄村");
        assertThat(Division.shortName("新城街道")).isEqualTo("新城街道");
    }
}
