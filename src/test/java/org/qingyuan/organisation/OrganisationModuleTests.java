package org.qingyuan.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.audit.AuditLog;
import org.qingyuan.organisation.internal.LeadingGroupMember;
import org.qingyuan.organisation.internal.Organisation;
import org.qingyuan.organisation.internal.ReportingUnit;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.ValidationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The organisation module with what it depends on: every reporting unit of the district, who may keep which liaison,
 * versions and history, and the liaison the forms print for a village.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class OrganisationModuleTests {

    static final CurrentUser DISTRICT = new CurrentUser(1, "district", "区办演示账号", "DISTRICT_OFFICE", "区办",
            DivisionCode.of("410108"), null);
    static final CurrentUser TOWN = new CurrentUser(2, "town", "新城街道演示账号", "TOWN_OFFICER", "镇街",
            DivisionCode.of("410108001"), null);
    static final CurrentUser ENVIRONMENT = new CurrentUser(3, "env-dept", "生态环境部门演示账号", "DEPARTMENT_OFFICER", "部门",
            DivisionCode.of("410108"), "ENVIRONMENT");

    @Autowired
    Organisation organisation;

    @Autowired
    Liaisons liaisons;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDistrictSeesEveryReportingUnitAndATownOrDepartmentOnlyItsOwn() {
        List<ReportingUnit> all = organisation.units(DISTRICT);
        assertThat(all.get(0).kind()).isEqualTo(ReportingUnit.Kind.DISTRICT);
        assertThat(all).filteredOn(u -> u.kind() == ReportingUnit.Kind.TOWN).extracting(ReportingUnit::key)
                .contains("410108001").allMatch(k -> k.startsWith("410108") && k.length() == 9);
        assertThat(all).filteredOn(u -> u.kind() == ReportingUnit.Kind.DEPARTMENT).extracting(ReportingUnit::key)
                .contains("ENVIRONMENT");

        assertThat(organisation.units(TOWN)).extracting(ReportingUnit::key).containsExactly("410108001");
        assertThat(organisation.units(ENVIRONMENT)).extracting(ReportingUnit::key).containsExactly("ENVIRONMENT");
    }

    @Test
    void everyDistrictOfTheReferenceDataHasItsOwnUnits() {
        for (String district : List.of("650105", "120116")) {
            CurrentUser office = new CurrentUser(9, "office-" + district, "区办", "DISTRICT_OFFICE", "区办", DivisionCode.of(district), null);
            List<ReportingUnit> units = organisation.units(office);
            assertThat(units.get(0).key()).isEqualTo(district);
            assertThat(units.get(0).name()).endsWith("（区办）").doesNotStartWith(district);
            assertThat(units).filteredOn(u -> u.kind() == ReportingUnit.Kind.TOWN).isNotEmpty()
                    .allSatisfy(u -> assertThat(u.key()).startsWith(district).hasSize(9));
        }
    }

    @Test
    void aTownOfficerKeepsHisTownsLiaisonVersionedAuditedAndPrintedForItsVillages() {
        Liaison saved = organisation.saveLiaison(TOWN, "410108001", 0,
                new Organisation.LiaisonInput("党政办", "王敏", "科员", "13803710001"));
        assertThat(saved.version()).isEqualTo(1);
        assertThat(organisation.units(DISTRICT)).filteredOn(u -> u.key().equals("410108001")).singleElement()
                .satisfies(u -> assertThat(u.liaison().name()).isEqualTo("王敏"));

        assertThatThrownBy(() -> organisation.saveLiaison(TOWN, "410108001", 0,
                new Organisation.LiaisonInput(null, "李强", null, "13803710002")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已被他人修改");
        Liaison changed = organisation.saveLiaison(TOWN, "410108001", 1,
                new Organisation.LiaisonInput("党政办", "李强", "副主任", "0371-63690001"));
        assertThat(changed.version()).isEqualTo(2);

        assertThat(liaisons.forDivision(DivisionCode.of("410108001001")))
                .hasValueSatisfying(l -> {
                    assertThat(l.name()).isEqualTo("李强");
                    assertThat(l.phone()).isEqualTo("0371-63690001");
                });
        assertThat(jdbc.sql("SELECT count(*) FROM organisation_change WHERE object_type = 'Liaison' AND object_key = '410108001'")
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(audit.forObject("Liaison", "410108001")).hasSize(2)
                .allSatisfy(e -> assertThat(e.action()).isEqualTo("LIAISON_SAVED"));
    }

    @Test
    void nobodyKeepsAnotherUnitsLiaisonAndABadPhoneIsRefusedByField() {
        assertThatThrownBy(() -> organisation.saveLiaison(TOWN, "410108002", 0,
                new Organisation.LiaisonInput(null, "张三", null, "13803710003")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> organisation.saveLiaison(ENVIRONMENT, "410108001", 0,
                new Organisation.LiaisonInput(null, "张三", null, "13803710003")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> organisation.saveLiaison(ENVIRONMENT, "ENVIRONMENT", 0,
                new Organisation.LiaisonInput(null, "", null, "12345")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(org.qingyuan.shared.FieldError::field).containsExactly("name", "phone"));
    }

    @Test
    void theDistrictKeepsItsLeadingGroupAndOfficeWithVersions() {
        LeadingGroupMember leader = organisation.addMember(DISTRICT,
                new Organisation.MemberInput(LeadingGroupMember.Role.LEADER, "赵刚", "惠济区人民政府", "区长"));
        LeadingGroupMember member = organisation.addMember(DISTRICT,
                new Organisation.MemberInput(LeadingGroupMember.Role.MEMBER, "钱明", "区生态环境分局", "局长"));
        LeadingGroupMember changed = organisation.updateMember(DISTRICT, member.id(), 1,
                new Organisation.MemberInput(LeadingGroupMember.Role.DEPUTY, "钱明", "区生态环境分局", "局长"));
        assertThat(changed.version()).isEqualTo(2);
        assertThat(organisation.members(DISTRICT)).extracting(LeadingGroupMember::person).containsSubsequence("赵刚", "钱明");

        assertThatThrownBy(() -> organisation.removeMember(DISTRICT, leader.id(), 1, " "))
                .isInstanceOf(ValidationException.class);
        organisation.removeMember(DISTRICT, leader.id(), 1, "工作调动");
        assertThat(organisation.members(DISTRICT)).extracting(LeadingGroupMember::id).doesNotContain(leader.id());

        int shown = organisation.office(DISTRICT).version();   // the demo's office, or none (0)
        assertThat(organisation.saveOffice(DISTRICT, shown, "区环保局三楼", "孙丽", "0371-63691234").version()).isEqualTo(shown + 1);
        assertThatThrownBy(() -> organisation.saveOffice(DISTRICT, shown, "区政府", "孙丽", "0371-63691234"))
                .isInstanceOf(ConflictException.class);
        assertThat(organisation.office(TOWN).director()).isEqualTo("孙丽");
    }
}
