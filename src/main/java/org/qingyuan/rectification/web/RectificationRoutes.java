package org.qingyuan.rectification.web;

import static org.qingyuan.access.Permission.*;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The rectification cases' routes and the battle board. */
@Component
class RectificationRoutes implements RouteRules {

    @Override
    public String module() {
        return "rectification";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                // acceptance by CASE_ACCEPT; close-out, reopening and deadlines by the town (CASE_CLOSE_OUT)
                RouteRule.of("GET", "/board", CASE_READ),
                RouteRule.of("GET", "/cases", CASE_READ),
                RouteRule.of("GET", "/cases/**", CASE_READ),
                RouteRule.of("POST", "/cases/*/accept", CASE_ACCEPT),
                RouteRule.of("POST", "/cases/*/reject", CASE_ACCEPT),
                RouteRule.of("POST", "/cases/*/close-out", CASE_CLOSE_OUT),
                RouteRule.of("POST", "/cases/*/reopen", CASE_CLOSE_OUT),
                RouteRule.of("POST", "/cases/*/deadline", CASE_CLOSE_OUT),
                // a town's 整治要求 that differs from the measure is settled by the district (as 一企一策 is)
                RouteRule.of("POST", "/cases/*/town-requirement", POLICY_MANAGE),
                RouteRule.of("POST", "/cases/**", CASE_EDIT),
                RouteRule.of("GET", "/api/v1/cases", CASE_READ),
                RouteRule.of("GET", "/api/v1/cases/**", CASE_READ),
                RouteRule.of("POST", "/api/v1/cases/*/accept", CASE_ACCEPT),
                RouteRule.of("POST", "/api/v1/cases/*/reject", CASE_ACCEPT),
                RouteRule.of("POST", "/api/v1/cases/*/close-out", CASE_CLOSE_OUT),
                RouteRule.of("POST", "/api/v1/cases/*/reopen", CASE_CLOSE_OUT),
                RouteRule.of("POST", "/api/v1/cases/*/deadline", CASE_CLOSE_OUT),
                RouteRule.of("POST", "/api/v1/cases/*/town-requirement", POLICY_MANAGE),
                RouteRule.of("POST", "/api/v1/cases/**", CASE_EDIT));
    }
}
