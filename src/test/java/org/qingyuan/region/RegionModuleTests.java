package org.qingyuan.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class RegionModuleTests {

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsEveryTownOfChinaAndTheVillagesOfTheSampleDistricts() {
        var counts = divisions.countByLevel();
        assertThat(counts.get(DivisionLevel.PROVINCE)).isEqualTo(31);
        assertThat(counts.get(DivisionLevel.CITY)).isEqualTo(342);
        assertThat(counts.get(DivisionLevel.COUNTY)).isEqualTo(2978);
        assertThat(counts.get(DivisionLevel.TOWN)).isEqualTo(41_352);
        assertThat(counts.get(DivisionLevel.VILLAGE)).isEqualTo(92 + 156 + 505);
    }

    @Test
    void everyDivisionHangsUnderItsCodePrefix() {
        Integer misplaced = jdbc.sql("""
                SELECT count(*) FROM division
                 WHERE parent_code IS NOT NULL AND left(code, length(parent_code)) <> parent_code
                """).query(Integer.class).single();
        assertThat(misplaced).isZero();
    }

    @Test
    void loadingIsRecordedOnceSoRestartsDoNotReload() {
        assertThat(jdbc.sql("SELECT count(*) FROM reference_dataset WHERE name = 'divisions'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void childrenOfHuijiAreItsEightTownsInCodeOrder() {
        var towns = divisions.children(DivisionCode.of("410108"));
        assertThat(towns).hasSize(8);
        assertThat(towns.get(0).name()).isEqualTo("新城街道");
        assertThat(towns.get(0).childCount()).isPositive();
        assertThat(towns).extracting(d -> d.code().value()).isSorted();
    }

    @Test
    void pathRunsFromTheProvinceDown() {
        assertThat(divisions.path(DivisionCode.of("410108001001")))
                .extracting(Division::name)
                .containsExactly("河南省", "郑州市", "惠济区", "新城街道", "金河社区居民委员会");
    }

    @Test
    void fullNameSkipsPlaceholderCities() {
        assertThat(divisions.fullName(DivisionCode.of("410108"))).isEqualTo("郑州市惠济区");
        assertThat(divisions.fullName(DivisionCode.of("650105"))).isEqualTo("乌鲁木齐市水磨沟区");
        assertThat(divisions.fullName(DivisionCode.of("120116"))).isEqualTo("天津市滨海新区");
        assertThat(divisions.fullName(DivisionCode.of("410108001"))).isEqualTo("郑州市惠济区新城街道");
        assertThat(divisions.fullName(DivisionCode.of("41"))).isEqualTo("河南省");
    }

    @Test
    void searchFindsByPartOfTheNameInsideADivision() {
        var found = divisions.search("金河", DivisionCode.of("410108"), 10);
        assertThat(found).extracting(Division::name).containsExactly("金河社区居民委员会");
        assertThat(divisions.search("金河", null, 100)).hasSizeGreaterThan(1);
        assertThat(divisions.search("%", null, 10)).isEmpty();
        assertThat(divisions.search("  ", null, 10)).isEmpty();
    }
}
