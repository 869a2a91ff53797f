package org.qingyuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class EnterpriseNamesTests {

    static final List<String> PATH = List.of("河南省", "郑州市", "惠济区", "新城街道", "金河社区居民委员会");

    @Test
    void widthSpacesBracketsAndSuffixesDoNotCount() {
        String key = EnterpriseNames.nameKey("金河机械厂", PATH);
        assertThat(key).isEqualTo("金河机械");
        assertThat(EnterpriseNames.nameKey("金河 机械（加工厂）", PATH)).isEqualTo(key);
        assertThat(EnterpriseNames.nameKey("金河机械有限公司", PATH)).isEqualTo(key);
        assertThat(EnterpriseNames.nameKey("金河机械加工点", PATH)).isEqualTo(key);
        assertThat(EnterpriseNames.nameKey("金河机械作坊", PATH)).isEqualTo(key);
        assertThat(EnterpriseNames.nameKey("ＪＩＮＨＥ机械厂", PATH)).isEqualTo(EnterpriseNames.nameKey("jinhe 机械厂", PATH));
    }

    @Test
    void leadingDivisionNamesDoNotCount() {
        assertThat(EnterpriseNames.nameKey("郑州市惠济区金河机械厂", PATH)).isEqualTo("金河机械");
        assertThat(EnterpriseNames.nameKey("金河社区金河机械厂", PATH)).isEqualTo("金河机械");
    }

    @Test
    void aNameIsNeverStrippedToNothing() {
        assertThat(EnterpriseNames.nameKey("厂", PATH)).isEqualTo("厂");
        assertThat(EnterpriseNames.nameKey("王记作坊", PATH)).isEqualTo("王记");
    }

    @Test
    void nearIdenticalAddressesShareHouseNumbersAndDifferByLittle() {
        String a = EnterpriseNames.addressKey("郑州市惠济区金河路18号院内", PATH);
        assertThat(a).isEqualTo("金河路18号院内");
        assertThat(EnterpriseNames.nearIdenticalAddress(a, EnterpriseNames.addressKey("金河路 18 号院", PATH))).isTrue();
        assertThat(EnterpriseNames.nearIdenticalAddress(a, EnterpriseNames.addressKey("金河路19号院内", PATH))).isFalse();
        assertThat(EnterpriseNames.nearIdenticalAddress(a, EnterpriseNames.addressKey("开元路18号院内", PATH))).isFalse();
    }

    @Test
    void vagueAddressesAreNotCompared() {
        assertThat(EnterpriseNames.addressKey("金河社区", PATH)).isNull();
        assertThat(EnterpriseNames.addressKey("村北头", PATH)).isNull();
        assertThat(EnterpriseNames.addressKey(null, PATH)).isNull();
    }
}
