package org.qingyuan.organisation.web;

import static org.qingyuan.access.Permission.*;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The organisation's routes: everyone in a jurisdiction reads it; a unit's liaison is kept by the unit; the group by the district. */
@Component
class OrganisationRoutes implements RouteRules {

    @Override
    public String module() {
        return "organisation";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET,POST", "/organisation/liaisons/*", LIAISON_EDIT),
                RouteRule.of("POST", "/organisation/**", ORGANISATION_MANAGE),
                RouteRule.of("GET", "/organisation", ORGANISATION_READ),
                RouteRule.of("PUT", "/api/v1/organisation/liaisons/*", LIAISON_EDIT),
                RouteRule.of("POST,PUT", "/api/v1/organisation/**", ORGANISATION_MANAGE),
                RouteRule.of("GET", "/api/v1/organisation", ORGANISATION_READ));
    }
}
