package org.qingyuan.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every village and community of every district the platform ships village data for (found in the data,
 * so a district added later is walked too) resolves from each form towns write, inside its town and inside
 * its district; every town or street from the forms of a unit row.
 */
@SpringBootTest
class VillageResolverTests {

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcClient jdbc;

    List<DivisionCode> districtsWithVillages() {
        List<DivisionCode> out = jdbc.sql("SELECT DISTINCT left(code, 6) FROM division WHERE length(code) = 12 ORDER BY 1")
                .query(String.class).list().stream().map(DivisionCode::of).toList();
        assertThat(out).as("the shipped districts with villages").contains(DivisionCode.of("410108"), DivisionCode.of("650105"),
                DivisionCode.of("120116"));
        return out;
    }

    /** The committee suffixes of the statistical names, longest first, as this test reads them (not the code's list). */
    static final List<String> COMMITTEES = List.of("村民委员会", "居民委员会", "居委会", "村委会", "管委会", "委员会", "居委", "委会");

    /** 五星北路社区居委会 → 五星北路社区; 大田村委会 → 大田村; 太平村村委会 → 太平村; 欣华苑社区 → 欣华苑社区. */
    static String shortName(String official) {
        for (String c : COMMITTEES) {
            if (official.endsWith(c)) {
                String rest = official.substring(0, official.length() - c.length());
                if (rest.endsWith("社区")) {
                    return rest;
                }
                if (c.startsWith("村")) {
                    return rest.endsWith("村") ? rest : rest + "村";
                }
                return rest;
            }
        }
        return official;
    }

    /** 五星北路, 大田: the short name without 社区 / 村, when it is a community or a village. */
    static String stem(String shortName) {
        if (shortName.endsWith("社区")) {
            return shortName.substring(0, shortName.length() - 2);
        }
        if (shortName.endsWith("村")) {
            return shortName.substring(0, shortName.length() - 1);
        }
        return null;
    }

    /** The forms a town writes for a village without its town: official, short, with the short committee suffixes. */
    static List<String> forms(String official) {
        String shortName = shortName(official);
        List<String> out = new ArrayList<>(List.of(official, shortName));
        if (shortName.endsWith("社区")) {
            out.add(shortName + "居委会");
            out.add(stem(shortName) + "居委会");
        } else if (shortName.endsWith("村")) {
            out.add(shortName + "委会");
            out.add(shortName + "村委会");
        } else {
            out.add(shortName + "居委会");
        }
        return out;
    }

    /** The same with the town or street in front, with or without a space, or its name without 街道 / 镇. */
    static List<String> withTown(List<String> forms, String town) {
        List<String> out = new ArrayList<>();
        for (String f : forms) {
            out.add(town + f);
            out.add(town + " " + f);
        }
        String bareTown = town.replaceAll("(街道|镇|乡)$", "");
        if (!bareTown.equals(town) && bareTown.length() >= 2) {
            out.add(bareTown + forms.get(1));
        }
        return out;
    }

    @Test
    void everyShippedVillageResolvesFromEveryFormTownsWriteInsideItsTownAndItsDistrict() {
        int villages = 0;
        int checked = 0;
        int ambiguous = 0;
        for (DivisionCode district : districtsWithVillages()) {
            VillageResolver inDistrict = new VillageResolver(divisions, Scope.of(district));
            Map<String, Set<DivisionCode>> shortNames = new HashMap<>();
            Map<String, Set<DivisionCode>> stems = new HashMap<>();
            List<Division> all = new ArrayList<>();
            for (Division town : divisions.children(district)) {
                for (Division v : divisions.children(town.code())) {
                    all.add(v);
                    shortNames.computeIfAbsent(shortName(v.name()), k -> new LinkedHashSet<>()).add(v.code());
                    String stem = stem(shortName(v.name()));
                    if (stem != null) {
                        stems.computeIfAbsent(stem, k -> new LinkedHashSet<>()).add(v.code());
                    }
                }
            }
            for (Division town : divisions.children(district)) {
                VillageResolver inTown = new VillageResolver(divisions, Scope.of(town.code()));
                for (Division v : divisions.children(town.code())) {
                    villages++;
                    String shortName = shortName(v.name());
                    boolean shared = shortNames.get(shortName).size() > 1;
                    List<String> forms = forms(v.name());
                    for (String form : forms) {
                        checked++;
                        assertThat(inTown.resolve(form).division()).as(form + " in " + town.name()).isEqualTo(v.code());
                        if (shared) {
                            // the same name in two towns of the district: rejected naming both, never one of them
                            ambiguous++;
                            assertThatThrownBy(() -> inDistrict.resolve(form)).as(form + " in " + district)
                                    .hasMessageContaining("有多个").hasMessageContaining(town.name() + shortName);
                        } else {
                            assertThat(inDistrict.resolve(form).division()).as(form + " in " + district).isEqualTo(v.code());
                        }
                    }
                    for (String form : withTown(forms, town.name())) {
                        checked++;
                        assertThat(inTown.resolve(form).division()).as(form + " in " + town.name()).isEqualTo(v.code());
                        assertThat(inDistrict.resolve(form).division()).as(form + " in " + district).isEqualTo(v.code());
                    }
                    String stem = stem(shortName);
                    if (stem != null && stem.length() >= 2 && !shortNames.containsKey(stem)) {
                        checked++;
                        if (stems.get(stem).stream().filter(town.code()::contains).count() == 1) {
                            assertThat(inTown.resolve(stem).division()).as("bare " + stem + " in " + town.name()).isEqualTo(v.code());
                        }
                        if (stems.get(stem).size() == 1) {
                            assertThat(inDistrict.resolve(stem).division()).as("bare " + stem).isEqualTo(v.code());
                        } else {
                            ambiguous++;
                            assertThatThrownBy(() -> inDistrict.resolve(stem)).as("bare " + stem)
                                    .hasMessageContaining("有多个").hasMessageContaining(town.name() + shortName);
                        }
                    }
                }
            }
        }
        System.out.printf("village walk: %d villages, %d forms, %d rejected as shared by two villages%n", villages, checked,
                ambiguous);
        assertThat(villages).isGreaterThanOrEqualTo(753);
    }

    @Test
    void everyShippedTownResolvesFromTheFormsOfAUnitRow() {
        int towns = 0;
        for (DivisionCode district : districtsWithVillages()) {
            String districtName = divisions.get(district).name();
            for (Division town : divisions.children(district)) {
                towns++;
                String n = town.name();
                List<String> forms = new ArrayList<>(List.of(n, districtName + n));
                if (n.endsWith("街道")) {
                    String base = n.substring(0, n.length() - 2);
                    forms.addAll(List.of(base, base + "街道办事处", base + "办事处", base + "街道办"));
                } else if (n.endsWith("镇") || n.endsWith("乡")) {
                    forms.addAll(List.of(n.substring(0, n.length() - 1), n + "人民政府", n + "政府"));
                } else {
                    forms.addAll(List.of(n + "管委会", n.replaceAll("（.*?）", "")));
                }
                for (String form : forms) {
                    VillageResolver resolver = new VillageResolver(divisions, Scope.of(district));
                    assertThat(resolver.town(form)).as(form).isEqualTo(town.code());
                    assertThat(resolver.formUnit(form)).as(form).isNull();
                    assertThat(resolver.unit()).as(form).isEqualTo(town.code());
                }
            }
        }
        assertThat(towns).isGreaterThanOrEqualTo(8 + 15 + 26);
    }

    @Test
    void aNameTwoVillagesShareIsRejectedNamingBothUnlessTheUnitSaysWhichOne() {
        VillageResolver district = new VillageResolver(divisions, Scope.of(DivisionCode.of("120116")));
        assertThatThrownBy(() -> district.resolve("崔庄村")).hasMessageContaining("茶淀街道崔庄村").hasMessageContaining("太平镇崔庄村");
        VillageResolver chadian = new VillageResolver(divisions, Scope.of(DivisionCode.of("120116")));
        assertThat(chadian.formUnit("茶淀街道办事处")).isNull();
        assertThat(chadian.resolve("崔庄村").division()).isEqualTo(DivisionCode.of("120116033201"));
        assertThat(district.resolve("太平镇崔庄村").division()).isEqualTo(DivisionCode.of("120116156214"));
    }

    @Test
    void aVillageOfAnotherTownIsRejectedSayingWhereItBelongs() {
        VillageResolver form = new VillageResolver(divisions, Scope.of(DivisionCode.of("410108")));
        assertThat(form.formUnit("新城街道")).isNull();
        assertThatThrownBy(() -> form.resolve("石桥村")).hasMessage("石桥村属于花园口镇，不属于本表填报单位新城街道");
        assertThatThrownBy(() -> form.resolve("花园口镇石桥村三组")).hasMessage("石桥村属于花园口镇，不属于本表填报单位新城街道");
        assertThat(form.resolve("金河社区").division()).isEqualTo(DivisionCode.of("410108001001"));
        // a town officer's file is the town's form even without a unit row
        VillageResolver townOfficer = new VillageResolver(divisions, Scope.of(DivisionCode.of("410108101")));
        assertThatThrownBy(() -> townOfficer.resolve("石桥村")).hasMessage("石桥村属于花园口镇，不属于本表填报单位古荥镇");
        // a unit row naming a town outside the officer's town is a note, and the officer's town stays the unit
        assertThat(townOfficer.formUnit("新城街道")).contains("不在您的辖区内");
        assertThat(townOfficer.unit()).isEqualTo(DivisionCode.of("410108101"));
        // a district-level unit row restricts nothing and is no note; an unknown unit is a note
        VillageResolver districtForm = new VillageResolver(divisions, Scope.of(DivisionCode.of("410108")));
        assertThat(districtForm.formUnit("惠济区环境保护局")).isNull();
        assertThat(districtForm.formUnit("某某公司")).contains("不是本区的镇（街道）或村（社区）");
        assertThat(districtForm.resolve("石桥村").division()).isEqualTo(DivisionCode.of("410108100200"));
        // a community filling in its own table
        VillageResolver community = new VillageResolver(divisions, Scope.of(DivisionCode.of("410108")));
        assertThat(community.formUnit("金河社区居委会")).isNull();
        assertThatThrownBy(() -> community.resolve("开元社区")).hasMessage("开元社区属于新城街道，不属于本表填报单位金河社区");
        // the district office without a unit row may register any village of the district
        VillageResolver districtOffice = new VillageResolver(divisions, Scope.of(DivisionCode.of("410108")));
        assertThat(districtOffice.resolve("石桥村").division()).isEqualTo(DivisionCode.of("410108100200"));
    }

    @Test
    void officialNamesAreTakenApartIntoStemAndKind() {
        assertThat(VillageNames.parts("克拉玛依东路社区居委").shortName()).isEqualTo("克拉玛依东路社区");
        assertThat(VillageNames.parts("绿苑社区委会").shortName()).isEqualTo("绿苑社区");
        assertThat(VillageNames.parts("大田村委会").shortName()).isEqualTo("大田村");
        assertThat(VillageNames.parts("太平村村委会").shortName()).isEqualTo("太平村");
        assertThat(VillageNames.parts("东村村民委员会").shortName()).isEqualTo("东村");
        assertThat(VillageNames.parts("毛庄村民委员会").shortName()).isEqualTo("毛庄村");
        assertThat(VillageNames.parts("欣华苑社区").shortName()).isEqualTo("欣华苑社区");
        assertThat(VillageNames.parts("苏州路立交桥居委会").shortName()).isEqualTo("苏州路立交桥居委会");
        assertThat(VillageNames.parts("北大港农场生活区").shortName()).isEqualTo("北大港农场生活区");
        assertThat(VillageNames.parts("北邻村社区居委会").shortName()).isEqualTo("北邻村社区");
    }
}
