package org.qingyuan.access.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.shared.DivisionCode;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signed-in principals for MockMvc tests, exactly as the platform builds them at sign-in. */
public final class TestLogins {

    private TestLogins() {
    }

    /** A user of the given role bound to the given division (and department, for department officers). */
    public static RequestPostProcessor as(RoleCode role, String division, String department) {
        var user = new CurrentUser(1000 + role.ordinal(), username(role), role.name(), role.name(), role.name(),
                DivisionCode.of(division), department);
        return as(user);
    }

    /** The demo account name of a role. */
    public static String username(RoleCode role) {
        return switch (role) {
            case DISTRICT_OFFICE -> "district";
            case TOWN_OFFICER -> "town";
            case VILLAGE_OFFICER -> "village";
            case GRID_MEMBER -> "grid";
            case DEPARTMENT_OFFICER -> "env-dept";
            case SUPERVISOR -> "supervisor";
            case LEADER -> "leader";
            case SYSTEM_ADMIN -> "sysadmin";
            case SECURITY_ADMIN -> "secadmin";
            case AUDITOR -> "auditor";
        };
    }

    public static RequestPostProcessor as(RoleCode role, String division) {
        return as(role, division, role == RoleCode.DEPARTMENT_OFFICER ? "ENVIRONMENT" : null);
    }

    public static RequestPostProcessor as(CurrentUser user) {
        var principal = new AccountDetails(user, null, AccountDetails.PendingStep.NONE);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    /** The district office of 惠济区, the demo home district. */
    public static RequestPostProcessor district() {
        return as(RoleCode.DISTRICT_OFFICE, "410108");
    }
}
