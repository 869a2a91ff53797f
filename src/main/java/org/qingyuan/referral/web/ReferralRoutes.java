package org.qingyuan.referral.web;

import static org.qingyuan.access.Permission.DEPARTMENT_MANAGE;
import static org.qingyuan.access.Permission.REFERRAL_ANSWER;
import static org.qingyuan.access.Permission.REFERRAL_CREATE;
import static org.qingyuan.access.Permission.REFERRAL_READ;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/**
 * Referrals' routes: the jurisdiction reads; towns and the district office refer, confirm and return; departments
 * accept, answer and record their parts; the district office keeps duties and organises joint operations.
 */
@Component
class ReferralRoutes implements RouteRules {

    @Override
    public String module() {
        return "referral";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET", "/departments/queue", REFERRAL_ANSWER),
                RouteRule.of("POST", "/departments/*/duties", DEPARTMENT_MANAGE),
                RouteRule.of("POST", "/api/v1/departments/*/duties", DEPARTMENT_MANAGE),
                RouteRule.of("GET", "/departments", REFERRAL_READ),
                RouteRule.of("GET", "/departments/**", REFERRAL_READ),
                RouteRule.of("GET", "/api/v1/departments", REFERRAL_READ),
                RouteRule.of("GET", "/api/v1/departments/**", REFERRAL_READ),
                RouteRule.of("POST", "/api/v1/referrals/*/acceptance", REFERRAL_ANSWER),
                RouteRule.of("POST", "/api/v1/referrals/*/answer", REFERRAL_ANSWER),
                RouteRule.of("POST", "/referrals/*/acceptance", REFERRAL_ANSWER),
                RouteRule.of("POST", "/referrals/*/answer", REFERRAL_ANSWER),
                RouteRule.of("POST", "/api/v1/referrals/**", REFERRAL_CREATE),
                RouteRule.of("POST", "/api/v1/referrals", REFERRAL_CREATE),
                RouteRule.of("POST", "/referrals/**", REFERRAL_CREATE),
                RouteRule.of("POST", "/referrals", REFERRAL_CREATE),
                RouteRule.of("GET", "/referrals/new", REFERRAL_CREATE),
                RouteRule.of("GET", "/referrals", REFERRAL_READ),
                RouteRule.of("GET", "/referrals/**", REFERRAL_READ),
                RouteRule.of("GET", "/api/v1/referrals", REFERRAL_READ),
                RouteRule.of("GET", "/api/v1/referrals/**", REFERRAL_READ),
                RouteRule.of("POST", "/api/v1/operations/*/parts", REFERRAL_ANSWER),
                RouteRule.of("POST", "/operations/*/parts", REFERRAL_ANSWER),
                RouteRule.of("POST", "/api/v1/operations", DEPARTMENT_MANAGE),
                RouteRule.of("POST", "/operations", DEPARTMENT_MANAGE),
                RouteRule.of("GET", "/operations/new", DEPARTMENT_MANAGE),
                RouteRule.of("GET", "/operations", REFERRAL_READ),
                RouteRule.of("GET", "/operations/**", REFERRAL_READ),
                RouteRule.of("GET", "/api/v1/operations", REFERRAL_READ),
                RouteRule.of("GET", "/api/v1/operations/**", REFERRAL_READ));
    }
}
