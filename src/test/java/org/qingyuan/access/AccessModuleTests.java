package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The access module with only what it depends on (regions, audit): the demo accounts of the home district, who holds a
 * role over a place, the route rules of the modules present, and the acting user outside a request.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class AccessModuleTests {

    static final DivisionCode DISTRICT = DivisionCode.of("410108");
    static final String FIRST_VILLAGE = "410108001001";

    @Autowired
    RoleHolders roleHolders;

    @Autowired
    UserContacts contacts;

    @Autowired
    RouteAccess routes;

    @Autowired
    RouteTable routeTable;

    @Autowired
    ActingUsers actors;

    @Test
    void theTownOfficeOfAVillageIsItsTownsAccountNotAnotherTowns() {
        List<String> town = roleHolders.covering(List.of("TOWN_OFFICER"), FIRST_VILLAGE);
        assertThat(town).contains("town");
        assertThat(roleHolders.covering(List.of("TOWN_OFFICER"), "410108999001")).doesNotContain("town");
        assertThat(roleHolders.covering(List.of("DISTRICT_OFFICE", "VILLAGE_OFFICER"), FIRST_VILLAGE))
                .contains("district", "village").doesNotContain("town", "sysadmin");
        assertThat(contacts.contact("district")).map(UserContacts.Contact::displayName).contains("区办演示账号");
    }

    @Test
    void theRoutesOfTheModulesPresentAreCheckedAgainstTheRolesPermissions() {
        CurrentUser district = new CurrentUser(1, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", DISTRICT, null);
        CurrentUser sysadmin = new CurrentUser(2, "sysadmin", "系统管理员", "SYSTEM_ADMIN", "系统管理员", DISTRICT, null);

        assertThat(routes.allows(district, "GET", "/regions/410108")).isTrue();
        assertThat(routes.allows(district, "GET", "/admin/users")).isFalse();
        assertThat(routes.allows(sysadmin, "GET", "/admin/users")).isTrue();
        assertThat(routes.allows(sysadmin, "GET", "/regions")).as("administrators hold no business permission").isFalse();
        assertThat(routes.allows(null, "GET", "/login")).isTrue();
        assertThat(routes.allows(district, "GET", "/enterprises")).as("the ledger's rules are not loaded here").isFalse();
        assertThat(routeTable.routes()).extracting(RouteTable.Route::module).contains("access", "region")
                .doesNotContain("ledger");
    }

    @Test
    void outsideARequestThePlatformActs() {
        assertThat(actors.current()).isEmpty();
        assertThat(actors.username()).isEqualTo("system");
        assertThat(actors.displayName()).isEqualTo("系统");
    }
}
