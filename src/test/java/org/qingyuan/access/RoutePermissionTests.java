package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.internal.RolePermissions;
import org.qingyuan.access.internal.TestLogins;
import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The route table is complete, and every role meets exactly the routes its permissions open. */
@SpringBootTest
@AutoConfigureMockMvc
class RoutePermissionTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Autowired
    RolePermissions rolePermissions;

    @Autowired
    MockMvc mvc;

    @Autowired
    RouteTable routeTable;

    record Endpoint(String method, String pattern) {
        String samplePath() {
            return pattern.replaceAll("\\{[^}]*}", "1");
        }
    }

    List<Endpoint> endpoints() {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        handlers.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint("GET", pattern));
                    endpoints.add(new Endpoint("POST", pattern));
                } else {
                    methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern)));
                }
            }
        });
        return new ArrayList<>(endpoints);
    }

    @Test
    void everyRouteOfTheHandlerMappingIsListedInThePermissionTable() {
        List<Endpoint> all = endpoints();
        assertThat(all).hasSizeGreaterThan(15);
        List<String> unlisted = all.stream()
                .filter(e -> routeTable.find(e.method(), e.samplePath()).isEmpty())
                .map(e -> e.method() + " " + e.pattern()).toList();
        assertThat(unlisted).as("routes missing from every module's RouteRules").isEmpty();
    }

    @Test
    void everyRoleMeetsExactlyTheRoutesItsPermissionsOpen() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            RouteTable.Route route = routeTable.find(endpoint.method(), endpoint.samplePath()).orElseThrow();
            if (route.access() == RouteRule.Access.PUBLIC || endpoint.pattern().equals("/logout")) {
                continue;
            }
            for (RoleCode role : RoleCode.values()) {
                boolean expected = route.access() == RouteRule.Access.SIGNED_IN || rolePermissions.has(role, route.permission());
                int status;
                try {
                    status = mvc.perform(request(HttpMethod.valueOf(endpoint.method()), endpoint.samplePath())
                                    .with(TestLogins.as(role, "410108")).with(csrf()))
                            .andReturn().getResponse().getStatus();
                } catch (jakarta.servlet.ServletException handlerFailedOnSampleInput) {
                    status = 500; // the request passed security and reached the handler
                }
                boolean allowed = status != 403 && status != 401;
                if (allowed != expected) {
                    wrong.add(role + " " + endpoint.method() + " " + endpoint.samplePath() + " → " + status
                            + " (expected " + (expected ? "allowed" : "403") + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void administratorsHoldNoBusinessPermissionAndOthersNoAdministrativeOne() {
        for (RoleCode role : RoleCode.values()) {
            for (Permission permission : rolePermissions.of(role)) {
                assertThat(permission.administrative()).as(role + " holds " + permission).isEqualTo(role.administrator());
            }
        }
        assertThat(rolePermissions.of(RoleCode.AUDITOR)).containsExactly(Permission.AUDIT_READ);
        assertThat(rolePermissions.of(RoleCode.LEADER)).noneMatch(p -> p.name().endsWith("_EDIT") || p.name().endsWith("_MANAGE"));
    }

    @Test
    void aModuleCannotClaimAnotherModulesRoutesOrNameAnUnknownPermission() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RouteTable(java.util.List.of(
                        RouteRules.of("ledger", RouteRule.of("GET", "/enterprises/**", Permission.LEDGER_READ)),
                        RouteRules.of("patrol", RouteRule.of("GET", "/enterprises/*/patrols", Permission.LEDGER_READ)))))
                .hasMessageContaining("also claimed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RouteTable(java.util.List.of(
                        RouteRules.of("patrol", RouteRule.of("GET", "/patrols", "PATROL_DANCE")))))
                .hasMessageContaining("unknown permission PATROL_DANCE");
        assertThat(new RouteTable(java.util.List.of(RouteRules.of("patrol", RouteRule.of("GET", "/patrols/**", "LEDGER_READ"))))
                .find("GET", "/patrols/7")).map(RouteTable.Route::permission).contains(Permission.LEDGER_READ);
    }

    @Test
    void anUnlistedPathIsRefusedEvenToTheDistrictOffice() throws Exception {
        int status = mvc.perform(request(HttpMethod.GET, "/no-such-module/anything").with(TestLogins.district()))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }
}
